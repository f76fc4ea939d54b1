import { localWeekday, startOfLocalDay, wallTimeAt } from "./time-zone";

/**
 * Date-range presets. A preset stays relative in the URL (`range=today`), so a shared
 * "today" link means the opener's today; it resolves against an injected `now`.
 */
export const RANGE_PRESETS = [
  "today",
  "yesterday",
  "thisWeek",
  "last7Days",
  "thisMonth",
  "last30Days",
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface ResolvedRange {
  from: number;
  to: number;
}

/** [from, to) in epoch ms; `to` never lies beyond `now` (there are no future calls). */
export function resolvePreset(preset: RangePreset, now: number, timeZone: string): ResolvedRange {
  const today = startOfLocalDay(now, timeZone);
  switch (preset) {
    case "today":
      return { from: today, to: now };
    case "yesterday":
      return { from: startOfLocalDay(now, timeZone, -1), to: today };
    case "thisWeek": {
      // Israel's week starts on Sunday.
      const weekday = localWeekday(now, timeZone);
      return { from: startOfLocalDay(now, timeZone, -weekday), to: now };
    }
    case "last7Days":
      return { from: startOfLocalDay(now, timeZone, -6), to: now };
    case "thisMonth": {
      const day = wallTimeAt(now, timeZone).day;
      return { from: startOfLocalDay(now, timeZone, -(day - 1)), to: now };
    }
    case "last30Days":
      return { from: startOfLocalDay(now, timeZone, -29), to: now };
  }
}
