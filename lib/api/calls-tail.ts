import * as z from "zod/mini";

/**
 * `/api/calls/tail`: calls of a query that the call store received after `since` (the sync
 * brought them), for a page following a range that ends now. Pure, zod/mini (the browser
 * polls it). Calls are checked by the reader's loop, as `/api/calls`' are.
 */
export const callsTailResponseSchema = z.object({
  calls: z.array(z.unknown()),
  /** Ask again with `since` = this (the store's newest receipt seen). */
  cursor: z.string(),
  /** The sync's interval: nothing new can arrive faster. */
  intervalSeconds: z.number(),
  /**
   * More calls than one answer holds: ask again with the same `since` and `after` = this,
   * and take `cursor` from the last answer.
   */
  more: z.optional(z.boolean()),
  after: z.optional(z.string()),
  /** The sync's edge: calls up to here are in the store. */
  syncedTo: z.nullable(z.string()),
  /**
   * Why there is no tail to follow (answered as 200, so a page that asks once is told, not
   * refused): `store_disabled` (CALLBOARD_STORE=off), `filter` (queue, campaign or another
   * scope than the account: the store cannot answer it).
   */
  unavailable: z.optional(z.enum(["store_disabled", "filter"])),
  /** The sentence for `unavailable`. */
  message: z.optional(z.string()),
});
export type CallsTailResponse = z.infer<typeof callsTailResponseSchema>;

/** How far before `since` the store is asked again: a write may finish after a later one. */
export const TAIL_LOOKBACK_MS = 5 * 60_000;
