import * as z from "zod/mini";

import { CALL_ID_PATTERN } from "@/lib/api/recording-params";
import { REVIEW_NOTE_MAX, REVIEW_STATUSES } from "@/lib/review/vocabulary";

export {
  REVIEW_NOTE_MAX,
  REVIEW_SCORES,
  REVIEW_STATUSES,
  type ReviewStatus,
} from "@/lib/review/vocabulary";

/**
 * The review queue's routes (/api/review/…): their bodies and answers, shared by the server
 * (which checks them) and the review page (which sends and parses them). Pure, zod/mini for
 * the browser. The statuses and the note's length are lib/review/vocabulary.ts's, which the
 * database checks too.
 */
export const REVIEW_MARKS_PATH = "/api/review/marks";
export const REVIEW_MARKS_SEARCH_PATH = "/api/review/marks/search";

/** How many calls one search may name (the page asks in chunks of this many). */
export const REVIEW_SEARCH_MAX = 5000;

export function isCallId(value: string): boolean {
  return CALL_ID_PATTERN.test(value);
}

const callId = z.string().check(z.regex(CALL_ID_PATTERN, "is not a CallID"));

export const reviewSearchSchema = z.object({
  callIds: z
    .array(callId)
    .check(
      z.minLength(1, "name at least one call"),
      z.maxLength(REVIEW_SEARCH_MAX, `name at most ${REVIEW_SEARCH_MAX} calls`),
    ),
});
export type ReviewSearch = z.infer<typeof reviewSearchSchema>;

/** A reviewer's mark: a flag says why (a note); the score (1–5) is optional on either. */
export const putReviewMarkSchema = z
  .object({
    status: z.enum(REVIEW_STATUSES),
    score: z.optional(
      z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(5, "is 1 to 5"))),
    ),
    note: z.optional(
      z.nullable(
        z.string().check(z.maxLength(REVIEW_NOTE_MAX, `is at most ${REVIEW_NOTE_MAX} characters`)),
      ),
    ),
  })
  .check(
    z.refine((mark) => mark.status !== "flagged" || Boolean(mark.note?.trim()), {
      message: "a flag needs a note saying why",
      path: ["note"],
    }),
  );
export type PutReviewMark = z.infer<typeof putReviewMarkSchema>;

const instant = z.string().check(z.iso.datetime({ offset: true }));

export const reviewMarkSchema = z.object({
  callId: z.string(),
  reviewerId: z.string(),
  /** What a person reads: an e-mail, a token's name. */
  reviewerLabel: z.string(),
  /** Whether the asker made it. */
  mine: z.boolean(),
  status: z.enum(REVIEW_STATUSES),
  score: z.nullable(z.number()),
  note: z.nullable(z.string()),
  createdAt: instant,
  updatedAt: instant,
});
export type ReviewMark = z.infer<typeof reviewMarkSchema>;

export const reviewMarksResponseSchema = z.object({ marks: z.array(reviewMarkSchema) });
export const reviewMarkResponseSchema = z.object({ mark: reviewMarkSchema });
export const reviewMarkRemovedSchema = z.object({
  removed: z.object({ callId: z.string() }),
});

export function reviewMarkPath(id: string): string {
  return `${REVIEW_MARKS_PATH}/${encodeURIComponent(id)}`;
}
