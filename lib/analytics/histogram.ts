import type { ApiCall } from "@/lib/api/calls-response";

import { ANSWERED, outcomeIndexOf } from "./outcomes";

/**
 * Talk-time bins in seconds, [from, to); `to: null` is open-ended. Only answered calls
 * have talk time, so unanswered calls would all pile into the first bin: they are left out.
 */
export const DURATION_BINS: ReadonlyArray<{ fromSeconds: number; toSeconds: number | null }> = [
  { fromSeconds: 0, toSeconds: 1 },
  { fromSeconds: 1, toSeconds: 10 },
  { fromSeconds: 10, toSeconds: 30 },
  { fromSeconds: 30, toSeconds: 60 },
  { fromSeconds: 60, toSeconds: 120 },
  { fromSeconds: 120, toSeconds: 300 },
  { fromSeconds: 300, toSeconds: 600 },
  { fromSeconds: 600, toSeconds: 1200 },
  { fromSeconds: 1200, toSeconds: null },
];

export interface DurationBin {
  fromSeconds: number;
  toSeconds: number | null;
  count: number;
}

export interface DurationHistogram {
  bins: DurationBin[];
  /** Answered calls placed in a bin. */
  counted: number;
  /** Answered calls whose Duration did not come back. */
  withoutDuration: number;
}

const BIN_STARTS = Float64Array.from(DURATION_BINS, (bin) => bin.fromSeconds);

/** Talk time (Duration) of answered calls in DURATION_BINS. */
export function durationHistogram(
  calls: readonly ApiCall[],
  /** How many calls each entry stands for (as callVolume's); 1 each without. */
  weights?: ArrayLike<number>,
): DurationHistogram {
  const counts = new Int32Array(DURATION_BINS.length);
  const last = DURATION_BINS.length - 1;
  let counted = 0;
  let withoutDuration = 0;
  for (let c = 0; c < calls.length; c++) {
    const call = calls[c]!;
    if (outcomeIndexOf(call.DialStatus) !== ANSWERED) continue;
    const weight = weights ? weights[c]! : 1;
    const seconds = call.Duration;
    if (seconds === undefined) {
      withoutDuration += weight;
      continue;
    }
    let bin = 0;
    while (bin < last && seconds >= BIN_STARTS[bin + 1]!) bin++;
    counts[bin]! += weight;
    counted += weight;
  }
  return {
    bins: DURATION_BINS.map((bin, i) => ({ ...bin, count: counts[i]! })),
    counted,
    withoutDuration,
  };
}
