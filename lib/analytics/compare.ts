import type { RangePreset, ResolvedRange } from "@/lib/time/date-range";
import { wallTimeAt, wallTimeToEpoch, type WallTime } from "@/lib/time/time-zone";
import { DAY_MS } from "@/lib/time/units";

/**
 * "Compare with the previous period": the range just before a range, of equal length, and
 * the change of every figure between the two.
 */

/** How far back the previous period of each preset lies, on the wall clock. */
const PRESET_PERIOD: Record<RangePreset, { days: number; months: number }> = {
  today: { days: 1, months: 0 },
  yesterday: { days: 1, months: 0 },
  thisWeek: { days: 7, months: 0 },
  last7Days: { days: 7, months: 0 },
  thisMonth: { days: 0, months: 1 },
  last30Days: { days: 30, months: 0 },
};

/** The same wall-clock time `days` days and `months` months earlier (day clamped to the month). */
function earlierWall(epochMs: number, timeZone: string, days: number, months: number): number {
  const wall = wallTimeAt(epochMs, timeZone);
  const monthIndex = wall.year * 12 + (wall.month - 1) - months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month - 1, Math.min(wall.day, lastDay) - days));
  const shifted: WallTime = {
    ...wall,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  };
  return wallTimeToEpoch(shifted, timeZone) + (epochMs % 1000);
}

function isLocalMidnight(epochMs: number, timeZone: string): boolean {
  const w = wallTimeAt(epochMs, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && epochMs % 1000 === 0;
}

/**
 * The period before `range`, of equal length, ending where it starts (or earlier):
 * - a preset moves back by its own period on the wall clock: today → yesterday up to the
 *   same time of day, this week → last week up to the same weekday and time, this month →
 *   last month up to the same day (clamped: 31 March compares with 1–28/29 February),
 *   last 7/30 days → the 7/30 days before;
 * - a custom range of whole local days moves back by as many local days (so a DST change
 *   between the two periods does not shift midnight to 01:00);
 * - any other custom range moves back by its exact length.
 */
export function previousPeriod(
  range: ResolvedRange,
  options: { timeZone: string; preset?: RangePreset | null },
): ResolvedRange {
  const { timeZone, preset } = options;
  if (preset) {
    const { days, months } = PRESET_PERIOD[preset];
    const from = earlierWall(range.from, timeZone, days, months);
    const to = earlierWall(range.to, timeZone, days, months);
    return { from, to: Math.min(to, range.from) };
  }
  if (isLocalMidnight(range.from, timeZone) && isLocalMidnight(range.to, timeZone)) {
    const a = wallTimeAt(range.from, timeZone);
    const b = wallTimeAt(range.to, timeZone);
    const days = Math.round(
      (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS,
    );
    return { from: earlierWall(range.from, timeZone, days, 0), to: range.from };
  }
  return { from: range.from - (range.to - range.from), to: range.from };
}

export type Trend = "up" | "down" | "flat";

/** A figure beside its value in the previous period. */
export interface Delta {
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing. */
  change: number | null;
  /** change ÷ |previous|; null when previous is 0 or missing. */
  relativeChange: number | null;
  /** ▲ ▼ or unchanged; null when either is missing. */
  trend: Trend | null;
}

// Ratios are computed by division; a difference this small is the same figure.
const EPSILON = 1e-9;

export function delta(value: number | null, previous: number | null): Delta {
  if (value === null || previous === null) {
    return { value, previous, change: null, relativeChange: null, trend: null };
  }
  const change = value - previous;
  const trend: Trend = Math.abs(change) <= EPSILON ? "flat" : change > 0 ? "up" : "down";
  return {
    value,
    previous,
    change: trend === "flat" ? 0 : change,
    relativeChange: previous === 0 ? null : change / Math.abs(previous),
    trend,
  };
}

/** The figures of T (numbers and nullable numbers, nested) as deltas; text fields dropped. */
export type Deltas<T> = {
  [
    K in keyof T as T[K] extends number | null
      ? K
      : T[K] extends readonly unknown[]
        ? never
        : T[K] extends object
          ? K
          : never
  ]: T[K] extends number | null ? Delta : Deltas<T[K]>;
};

/**
 * Every numeric figure of `current` beside the same figure of `previous` (KPIs, one agent's
 * or one queue's row, callback KPIs): the same shape, each number replaced by its Delta.
 */
export function compareFigures<T extends object>(current: T, previous: T | undefined): Deltas<T> {
  const out: Record<string, unknown> = {};
  const earlier = previous as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(current) as [string, unknown][]) {
    const before = earlier?.[key];
    if (typeof value === "number" || value === null) {
      out[key] = delta(value, typeof before === "number" ? before : null);
    } else if (typeof value === "object" && !Array.isArray(value)) {
      const nested = typeof before === "object" && before !== null ? before : undefined;
      out[key] = compareFigures(value, nested);
    }
  }
  return out as Deltas<T>;
}
