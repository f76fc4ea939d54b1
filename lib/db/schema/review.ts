import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

// relative: drizzle-kit loads the schema without the project's path aliases
import { REVIEW_NOTE_MAX, REVIEW_STATUSES } from "../../review/vocabulary";
import { oneOf } from "./one-of";

/**
 * The review queue's marks (issue 9, §4): one current mark per call per reviewer, shown to
 * every supervisor. Changing a mark replaces it; each change (and each removal) is written to
 * the audit trail with what it was before, which is the history. The reviewer is a principal
 * id (`user:…`, `token:…`, `proxy:…`, `demo-visitor`), not a foreign key: tokens and proxy
 * users review too, and the label is copied in so the mark still reads right after they are gone.
 */
export const reviewMark = pgTable(
  "review_mark",
  {
    callId: text("call_id").notNull(),
    reviewerId: text("reviewer_id").notNull(),
    reviewerLabel: text("reviewer_label").notNull(),
    status: text("status", { enum: REVIEW_STATUSES }).notNull(),
    score: smallint("score"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.reviewerId] }),
    check("review_mark_status_check", oneOf(t.status, REVIEW_STATUSES)),
    check("review_mark_score_check", sql`${t.score} is null or ${t.score} between 1 and 5`),
    check(
      "review_mark_note_check",
      sql`${t.note} is null or char_length(${t.note}) <= ${sql.raw(String(REVIEW_NOTE_MAX))}`,
    ),
    // a flag says why
    check("review_mark_flag_note_check", sql`${t.status} <> 'flagged' or ${t.note} is not null`),
    index("review_mark_reviewer_idx").on(t.reviewerId, t.updatedAt),
  ],
);
