import { civilFromDays } from "@/lib/time/call-time";
import { offsetMsAt } from "@/lib/time/time-zone";

/**
 * Instants (epoch ms — a call's from `callEpochMs`) in the viewer's time zone. Formatters
 * are cached per (locale, zone) so formatting a whole table never builds one per cell.
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      // Call centers read a 24-hour clock; AM/PM only adds width.
      hourCycle: "h23",
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** `29/03/2024, 03:30:00`-style text in the locale's own order, in `timeZone`. */
export function formatDateTime(
  ms: number | undefined,
  { locale, timeZone }: { locale: string; timeZone: string },
): string {
  if (ms === undefined || !Number.isFinite(ms)) return "";
  return dateTimeFormat(locale, timeZone).format(ms);
}

// Offsets change at most on quarter-hour boundaries (every zone in the tz database), so one
// lookup per 15 minutes of UTC time is exact and makes 100,000 rows cost ~100 lookups.
const QUARTER_HOUR = 15 * 60_000;
const offsetCaches = new Map<string, Map<number, number>>();

/** The zone's UTC offset in milliseconds at instant `ms` (e.g. +2 h or +3 h in Jerusalem). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let byQuarter = offsetCaches.get(timeZone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsetCaches.set(timeZone, byQuarter);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const known = byQuarter.get(quarter);
  if (known !== undefined) return known;
  const offset = offsetMsAt(quarter * QUARTER_HOUR, timeZone);
  if (byQuarter.size > 50_000) byQuarter.clear();
  byQuarter.set(quarter, offset);
  return offset;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/**
 * `2024-03-29 03:30:00`: the wall-clock time in `timeZone`, in the one order every
 * spreadsheet reads as a date whatever its language. Arithmetic only (no Date, no Intl per
 * call): an export formats every row.
 */
export function formatZonedIso(ms: number | undefined, timeZone: string): string {
  if (ms === undefined || !Number.isFinite(ms)) return "";
  const wallSeconds = Math.floor((ms + zoneOffsetMs(ms, timeZone)) / 1000);
  const days = Math.floor(wallSeconds / 86_400);
  const secondOfDay = wallSeconds - days * 86_400;
  const { year, month, day } = civilFromDays(days);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  return (
    `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]} ` +
    `${TWO_DIGITS[hh]}:${TWO_DIGITS[mm]}:${TWO_DIGITS[secondOfDay % 60]}`
  );
}
