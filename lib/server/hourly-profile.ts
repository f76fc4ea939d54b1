import { DAY_MS, HOUR_MS, SECOND_MS } from "@/lib/time/units";

import type { TimeWindow } from "./time-window";

/**
 * How calls spread over the hours of the day (UTC), learnt from the calls already fetched.
 * Call centers are busy by day and quiet at night, so windows of equal length hold very
 * unequal numbers of calls; cutting by this profile gives windows of about equal counts.
 */

/** 24 relative call rates, one per hour of the day (UTC). */
export type HourlyProfile = readonly number[];

/** Less than this much observed time says too little about the hours not seen. */
const MIN_COVERAGE = DAY_MS / 2;

export interface ProfileBuilder {
  /** Calls (epoch ms) that are all the calls of `covered` (inclusive whole seconds). */
  add(times: readonly number[], covered: TimeWindow): void;
  /** The profile so far, or undefined while too little has been seen. */
  profile(): HourlyProfile | undefined;
}

export function createProfileBuilder(): ProfileBuilder {
  const counts = new Array<number>(24).fill(0);
  const exposure = new Array<number>(24).fill(0);
  let covered = 0;
  return {
    add(times, window) {
      for (const t of times) counts[hourOfDay(t)] = (counts[hourOfDay(t)] ?? 0) + 1;
      for (const [start, end] of hourSegments(window.from, window.to + SECOND_MS)) {
        exposure[hourOfDay(start)] = (exposure[hourOfDay(start)] ?? 0) + (end - start);
        covered += end - start;
      }
    },
    profile() {
      if (covered < MIN_COVERAGE) return undefined;
      const seen = (h: number) => (exposure[h] ?? 0) >= HOUR_MS / 2;
      const known = counts.flatMap((count, h) => (seen(h) ? [count / (exposure[h] ?? 1)] : []));
      const mean = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
      if (!(mean > 0)) return undefined;
      // An hour not seen is taken as average; a quiet one may be busier on another day.
      return counts.map((count, h) =>
        Math.max(seen(h) ? count / (exposure[h] ?? 1) : mean, mean * 0.05),
      );
    },
  };
}

/**
 * Cuts points between `window.from` and `window.to` (exclusive) that split it into `parts`
 * shares of equal expected calls, on whole seconds. Fewer cuts when the window is too short.
 */
export function cutsByProfile(window: TimeWindow, parts: number, profile: HourlyProfile): number[] {
  const segments = [...hourSegments(window.from, window.to + SECOND_MS)].map(([start, end]) => ({
    start,
    end,
    weight: (profile[hourOfDay(start)] ?? 0) * (end - start),
  }));
  const total = segments.reduce((sum, s) => sum + s.weight, 0);
  const cuts: number[] = [];
  if (!(total > 0)) return cuts;
  let acc = 0;
  let i = 1;
  for (const segment of segments) {
    while (i < parts && acc + segment.weight >= (total * i) / parts) {
      const share = segment.weight > 0 ? ((total * i) / parts - acc) / segment.weight : 0;
      const cut =
        Math.round((segment.start + share * (segment.end - segment.start)) / SECOND_MS) * SECOND_MS;
      if (cut > (cuts[cuts.length - 1] ?? window.from) && cut < window.to) cuts.push(cut);
      i++;
    }
    acc += segment.weight;
  }
  return cuts;
}

function hourOfDay(ms: number): number {
  return Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/** [start, end) pieces of [from, to) that each lie within one hour of the clock. */
function* hourSegments(from: number, to: number): Generator<[number, number]> {
  let start = from;
  while (start < to) {
    const end = Math.min(to, Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS);
    yield [start, end];
    start = end;
  }
}
