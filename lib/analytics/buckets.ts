import type { ApiCall } from "@/lib/api/calls-response";
import { callEpochMs } from "@/lib/time/call-time";
import {
  nextDate,
  nextLocalHour,
  offsetMsAt,
  startOfLocalHour,
  wallTimeAt,
  wallTimeToEpoch,
  type WallTime,
} from "@/lib/time/time-zone";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";

import {
  ABANDONED,
  ANSWERED,
  FAILED,
  MISSED,
  outcomeIndexOf,
  type OutcomeCounts,
} from "./outcomes";

export type BucketUnit = "hour" | "day";

/** A time range in epoch ms, `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface VolumeBucket extends OutcomeCounts {
  /** Epoch ms; the bucket is [start, end). */
  start: number;
  end: number;
  /**
   * The viewer's wall clock at `start` (the fall-back day has two hourly buckets at 01:00);
   * for a daily bucket, its local date at 00:00.
   */
  wall: WallTime;
  total: number;
}

export interface CallVolume {
  unit: BucketUnit;
  timeZone: string;
  /** Every bucket across the range, empty ones included, oldest first. */
  buckets: VolumeBucket[];
  /** Calls dated outside every bucket (the server should not send any). */
  outside: number;
  /** Calls with neither Date nor DateEpoch. */
  undated: number;
}

/** Two local days, plus the hour a fall-back day adds. */
const HOURLY_UP_TO_MS = 2 * DAY_MS + HOUR_MS;

/** Hourly buckets for ranges up to two days, daily buckets beyond. */
export function bucketUnitFor(range: TimeRange): BucketUnit {
  return range.to - range.from <= HOURLY_UP_TO_MS ? "hour" : "day";
}

interface Boundaries {
  /** starts of the buckets, then the end of the last one */
  edges: number[];
  walls: WallTime[];
}

function hourBoundaries(range: TimeRange, timeZone: string): Boundaries {
  const edges = [startOfLocalHour(range.from, timeZone)];
  const walls: WallTime[] = [];
  for (let start = edges[0]!; start < range.to;) {
    walls.push(wallTimeAt(start, timeZone));
    start = nextLocalHour(start, timeZone);
    edges.push(start);
  }
  return { edges, walls };
}

function dayBoundaries(range: TimeRange, timeZone: string): Boundaries {
  const edges: number[] = [];
  const walls: WallTime[] = [];
  let date: { year: number; month: number; day: number } = wallTimeAt(range.from, timeZone);
  const utcMidnight = (d: typeof date) => Date.UTC(d.year, d.month - 1, d.day);
  // Offsets sampled a day apart: where three in a row agree, midnight is plain local time.
  let before = offsetMsAt(utcMidnight(date) - DAY_MS, timeZone);
  let current = offsetMsAt(utcMidnight(date), timeZone);
  for (;;) {
    const next = nextDate(date.year, date.month, date.day);
    const after = offsetMsAt(utcMidnight(next), timeZone);
    const midnight = {
      year: date.year,
      month: date.month,
      day: date.day,
      hour: 0,
      minute: 0,
      second: 0,
    };
    const start =
      before === current && current === after
        ? utcMidnight(date) - current
        : wallTimeToEpoch(midnight, timeZone);
    edges.push(start);
    if (start >= range.to) break;
    walls.push(midnight);
    date = next;
    before = current;
    current = after;
  }
  return { edges, walls };
}

/** Bucket edges across a range in the viewer's zone: computed once, Intl-bound, O(buckets). */
export function bucketBoundaries(range: TimeRange, timeZone: string, unit: BucketUnit): Boundaries {
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || !(range.to > range.from)) {
    return { edges: [], walls: [] };
  }
  return unit === "hour" ? hourBoundaries(range, timeZone) : dayBoundaries(range, timeZone);
}

/**
 * Calls over time, by outcome, in the viewer's time zone: a daily bucket is a local
 * calendar day (23 or 25 hours on DST change days), an hourly bucket a real hour.
 */
export function callVolume(
  calls: readonly ApiCall[],
  options: { timeZone: string; range: TimeRange; unit?: BucketUnit },
  /** How many calls each entry stands for (server-side counts, lib/paged/charts.ts); 1 each without. */
  weights?: ArrayLike<number>,
): CallVolume {
  const { timeZone, range } = options;
  const unit = options.unit ?? bucketUnitFor(range);
  const { edges, walls } = bucketBoundaries(range, timeZone, unit);
  const count = walls.length;
  const edgeArray = Float64Array.from(edges);
  // counts[bucket * 4 + outcome index]
  const counts = new Int32Array(count * 4);
  const first = count > 0 ? edgeArray[0]! : 0;
  const last = count > 0 ? edgeArray[count]! : 0;
  let outside = 0;
  let undated = 0;

  for (let c = 0; c < calls.length; c++) {
    const call = calls[c]!;
    const weight = weights ? weights[c]! : 1;
    const t = callEpochMs(call);
    if (t === undefined) {
      undated += weight;
      continue;
    }
    if (!(t >= first && t < last)) {
      outside += weight;
      continue;
    }
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edgeArray[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    counts[lo * 4 + outcomeIndexOf(call.DialStatus)]! += weight;
  }

  const buckets = new Array<VolumeBucket>(count);
  for (let i = 0; i < count; i++) {
    const answered = counts[i * 4 + ANSWERED]!;
    const missed = counts[i * 4 + MISSED]!;
    const abandoned = counts[i * 4 + ABANDONED]!;
    const failed = counts[i * 4 + FAILED]!;
    buckets[i] = {
      start: edgeArray[i]!,
      end: edgeArray[i + 1]!,
      wall: walls[i]!,
      answered,
      missed,
      abandoned,
      failed,
      total: answered + missed + abandoned + failed,
    };
  }
  return { unit, timeZone, buckets, outside, undated };
}
