import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { CALLBACK_WORK_STATES } from "../../callbacks/work-states";
import { oneOf } from "./one-of";

/**
 * The callback worklist's work (issue 9, §3): who took a missed caller, what became of it,
 * and the notes on it. The rows themselves are computed from the calls (lib/analytics/
 * callbacks.ts); this keeps only what people add, under the row's key
 * `<phone key>|<first missed conversation's id>` — the episode, which stays the same while
 * the caller keeps missing and until someone reaches them (see lib/callbacks/README.md).
 * Every change is audited as well (callback.assign, callback.state, callback.note).
 */

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const callbackWork = pgTable(
  "callback_work",
  {
    key: text("key").primaryKey(),
    /** The caller's phone key (`0501234567`), the part of the key before `|`. */
    number: text("number").notNull(),
    /** The episode's first miss: how a view whose range starts later still finds this work. */
    firstMissedAt: instant("first_missed_at").notNull(),
    /**
     * The episode's misses the page had seen (conversation ids, the key's own first), kept
     * as a union: a view whose range starts inside the episode knows its work by them.
     */
    missedIds: jsonb("missed_ids").$type<string[]>().notNull().default([]),
    state: text("state", { enum: CALLBACK_WORK_STATES }).notNull().default("open"),
    /** When the state last changed: a done row closes the episode at this instant. */
    stateAt: instant("state_at"),
    stateByLabel: text("state_by_label"),
    /** A principal id (`user:<id>`, `demo-visitor`, …) and what a person reads for it. */
    assigneeId: text("assignee_id"),
    assigneeLabel: text("assignee_label"),
    assignedAt: instant("assigned_at"),
    assignedByLabel: text("assigned_by_label"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("callback_work_state_check", oneOf(t.state, CALLBACK_WORK_STATES)),
    check("callback_work_key_check", sql`${t.key} like ${t.number} || '|%'`),
    index("callback_work_first_missed_idx").on(t.firstMissedAt),
    index("callback_work_number_idx").on(t.number, t.firstMissedAt),
  ],
);

/** Notes on a work row, oldest first; never edited (a correction is another note). */
export const callbackNote = pgTable(
  "callback_note",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    workKey: text("work_key")
      .notNull()
      .references(() => callbackWork.key, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: text("author_id"),
    authorLabel: text("author_label").notNull(),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [index("callback_note_work_idx").on(t.workKey, t.at)],
);
