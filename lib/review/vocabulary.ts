/**
 * The review queue's words, once: read by the database's checks (lib/db/schema/review.ts),
 * the API's schemas (lib/api/review.ts) and the page. No imports: drizzle-kit loads it too.
 */

/** What a reviewer says of a recording: listened and fine, or flagged for a closer look. */
export const REVIEW_STATUSES = ["reviewed", "flagged"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The longest note a mark keeps (characters). */
export const REVIEW_NOTE_MAX = 2000;

export const REVIEW_SCORES = [1, 2, 3, 4, 5] as const;
