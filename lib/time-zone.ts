/**
 * Wall-clock arithmetic in an IANA time zone with Intl only. The upstream speaks GMT+0;
 * people think in their own zone (default Asia/Jerusalem, which has DST).
 */

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? "Sun"] ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
export function zoneOffset(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump resolves to
 * the instant just after the jump; a repeated time resolves to its first occurrence.
 */
export function zonedTimeToEpoch(
  t: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): number {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0);
  // Try the offsets in force around the wall time; keep the earliest instant that reads back right.
  const candidates = [naive - zoneOffset(naive - 86_400_000, timeZone), naive - zoneOffset(naive + 86_400_000, timeZone)];
  const matching = candidates
    .filter((ms) => {
      const w = wallTime(ms, timeZone);
      return w.day === t.day && w.hour === (t.hour ?? 0) && w.minute === (t.minute ?? 0);
    })
    .sort((a, b) => a - b);
  if (matching[0] !== undefined) return matching[0];
  // Skipped by a spring-forward jump: the later offset lands just after the gap.
  return Math.max(...candidates);
}

/** Midnight (start of the local day) of the day `ms` falls in, plus `addDays` days. */
export function startOfZonedDay(ms: number, timeZone: string, addDays = 0): number {
  const w = wallTime(ms, timeZone);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + addDays));
  return zonedTimeToEpoch(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}
