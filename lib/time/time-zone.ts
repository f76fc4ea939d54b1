import { DAY_MS, HOUR_MS } from "./units";

/**
 * Wall-clock arithmetic in an IANA time zone with Intl only. Formatters are cached per
 * zone; callers compute bucket boundaries with these once per range, never once per call.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone (an unknown zone makes every function here throw RangeError). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    switch (part.type) {
      case "year":
      case "month":
      case "day":
      case "minute":
      case "second":
        wall[part.type] = Number(part.value);
        break;
      case "hour":
        // Some ICU builds still write midnight as 24 despite h23.
        wall.hour = Number(part.value) % 24;
        break;
      default:
        break;
    }
  }
  return wall;
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at an instant, in ms (Asia/Jerusalem in summer: +3 h). */
export function offsetMsAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second === b.second
  );
}

/**
 * The instant a wall time names in `timeZone`. A time that occurs twice (the fall-back
 * hour) gives the earlier instant; a time that never occurs (the spring-forward gap) is
 * read with the offset before the gap, so it moves forward by the gap (02:30 → 03:30), as
 * Temporal's "compatible" does; the start of a gap gives the instant the clocks jumped.
 */
export function wallTimeToEpoch(wall: WallTime, timeZone: string): number {
  const asUtc = wallAsUtc(wall);
  const before = offsetMsAt(asUtc - DAY_MS, timeZone);
  const after = offsetMsAt(asUtc + DAY_MS, timeZone);
  const early = asUtc - Math.max(before, after);
  const late = asUtc - Math.min(before, after);
  if (sameWall(wallTimeAt(early, timeZone), wall)) return early;
  if (late !== early && sameWall(wallTimeAt(late, timeZone), wall)) return late;
  return asUtc - before;
}

/** The calendar date after (year, month, day). */
export function nextDate(
  year: number,
  month: number,
  day: number,
): { year: number; month: number; day: number } {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The first instant of the local calendar day that contains `epochMs`, `addDays` days on. */
export function startOfLocalDay(epochMs: number, timeZone: string, addDays = 0): number {
  const wall = wallTimeAt(epochMs, timeZone);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + addDays));
  return wallTimeToEpoch(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: 0,
      minute: 0,
      second: 0,
    },
    timeZone,
  );
}

/** Day of the week of the local date at an instant: 0 = Sunday. */
export function localWeekday(epochMs: number, timeZone: string): number {
  const { year, month, day } = wallTimeAt(epochMs, timeZone);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first instant of the local clock hour that contains `epochMs`. */
export function startOfLocalHour(epochMs: number, timeZone: string): number {
  const wall = wallTimeAt(epochMs, timeZone);
  const subSecond = epochMs - Math.floor(epochMs / 1000) * 1000;
  return epochMs - subSecond - wall.second * 1000 - wall.minute * 60_000;
}

/**
 * The start of the local hour after the one starting at `hourStart`: one real hour later,
 * unless the zone moved by a fraction of an hour (Lord Howe's 30-minute DST); then the
 * nearest wall-clock :00 after `hourStart`.
 */
export function nextLocalHour(hourStart: number, timeZone: string): number {
  const next = hourStart + HOUR_MS;
  const minute = wallTimeAt(next, timeZone).minute;
  if (minute === 0) return next;
  const down = next - minute * 60_000;
  if (down > hourStart && wallTimeAt(down, timeZone).minute === 0) return down;
  const up = next + (60 - minute) * 60_000;
  return wallTimeAt(up, timeZone).minute === 0 ? up : next;
}
