import type { ReviewMark } from "@/lib/api/review";

import type { ReviewStatus } from "./vocabulary";

/**
 * The review queue of a view: its recorded calls in the order the view lists them, walked one
 * after another. Pure, so the order, next/previous, the not-yet-reviewed filter and the
 * progress are tested without a page.
 *
 * A call counts as reviewed once any supervisor has marked it (reviewed or flagged): the queue
 * is the team's, so a review handed over continues where the colleague stopped. With
 * "not yet reviewed" the queue holds the calls nobody has marked — and the current one, so a
 * call marked a moment ago stays on screen until one moves on.
 */

export interface ReviewQueueInput {
  /** The view's recorded CallIDs, in its order (recordedStops). */
  stops: readonly string[];
  /** Every supervisor's marks on them. */
  marks: readonly ReviewMark[];
  unreviewedOnly: boolean;
  /** The position the URL names; null when it names none. */
  current: string | null;
}

/** What the queue shows of one call: the strongest mark on it (a flag over a review). */
export interface CallReviewState {
  status: ReviewStatus | null;
  /** Every mark on the call, the asker's first. */
  marks: readonly ReviewMark[];
  mine: ReviewMark | undefined;
}

export interface ReviewProgress {
  /** Recorded calls in the view. */
  total: number;
  /** Of them, marked by anyone. */
  reviewed: number;
  flagged: number;
  /** Of them, marked by the asker. */
  mine: number;
}

export interface ReviewQueue {
  /** The calls walked, in order. */
  items: readonly string[];
  /** The current call, or null when the queue is empty. */
  current: string | null;
  /** Its index in `items` (-1 when empty). */
  index: number;
  previous: string | null;
  next: string | null;
  /** The URL named a call that is not in this queue (so the first is shown). */
  positionMissing: boolean;
  progress: ReviewProgress;
  stateOf(callId: string): CallReviewState;
}

const UNMARKED: CallReviewState = { status: null, marks: [], mine: undefined };

/** Each call's marks, the asker's first. */
export function marksByCall(marks: readonly ReviewMark[]): Map<string, CallReviewState> {
  const byCall = new Map<string, ReviewMark[]>();
  for (const mark of marks) {
    const list = byCall.get(mark.callId);
    if (list) list.push(mark);
    else byCall.set(mark.callId, [mark]);
  }
  const states = new Map<string, CallReviewState>();
  for (const [callId, list] of byCall) {
    const ordered = [...list.filter((m) => m.mine), ...list.filter((m) => !m.mine)];
    states.set(callId, {
      status: list.some((m) => m.status === "flagged") ? "flagged" : "reviewed",
      marks: ordered,
      mine: ordered[0]?.mine ? ordered[0] : undefined,
    });
  }
  return states;
}

export function reviewQueue({
  stops,
  marks,
  unreviewedOnly,
  current,
}: ReviewQueueInput): ReviewQueue {
  const states = marksByCall(marks);
  const stateOf = (callId: string) => states.get(callId) ?? UNMARKED;
  const unique = [...new Set(stops)];

  const progress: ReviewProgress = { total: unique.length, reviewed: 0, flagged: 0, mine: 0 };
  for (const callId of unique) {
    const state = stateOf(callId);
    if (state.status !== null) progress.reviewed++;
    if (state.status === "flagged") progress.flagged++;
    if (state.mine) progress.mine++;
  }

  const items = unreviewedOnly
    ? unique.filter((callId) => callId === current || stateOf(callId).status === null)
    : unique;
  const found = current === null ? -1 : items.indexOf(current);
  const index = found >= 0 ? found : items.length > 0 ? 0 : -1;
  return {
    items,
    current: items[index] ?? null,
    index,
    previous: index > 0 ? (items[index - 1] ?? null) : null,
    next: index >= 0 ? (items[index + 1] ?? null) : null,
    positionMissing: current !== null && found < 0,
    progress,
    stateOf,
  };
}
