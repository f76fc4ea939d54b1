import { DIAL_STATUS_NAMES, outcomeOf, type CallOutcome } from "@/lib/voicenter/dial-statuses";

/** The outcomes in the order charts stack and list them. */
export const OUTCOMES = [
  "answered",
  "missed",
  "abandoned",
  "failed",
] as const satisfies readonly CallOutcome[];

export type OutcomeCounts = Record<CallOutcome, number>;

/** Index of an outcome in OUTCOMES, for counting into typed arrays. */
export const ANSWERED = 0;
export const MISSED = 1;
export const ABANDONED = 2;
export const FAILED = 3;

const INDEX_BY_STATUS = new Map<string, number>(
  DIAL_STATUS_NAMES.map((status) => [status, OUTCOMES.indexOf(outcomeOf(status))]),
);
const UNKNOWN_INDEX = OUTCOMES.indexOf(outcomeOf(undefined));

/**
 * `outcomeOf` as an index into OUTCOMES, memoized per status: the hot loops call this once
 * per call, and a Map hit is several times cheaper than the contract's own lookup.
 */
export function outcomeIndexOf(status: string | undefined): number {
  return (status === undefined ? undefined : INDEX_BY_STATUS.get(status)) ?? UNKNOWN_INDEX;
}
