import type { WeekHour } from "@/lib/view-state/parsers";

// 2023-01-01 was a Sunday: weekday n is 1 + n January 2023, read in UTC.
const SUNDAY_UTC = Date.UTC(2023, 0, 1, 12);
const DAY_MS = 86_400_000;

// A locale's seven names, made once: a formatter costs far more than the lookup, and the
// heatmap asks for a name per cell and label on every render.
const NAMES = new Map<string, readonly string[]>();

/** The weekday's name in the locale (0 = Sunday). */
export function weekdayName(weekday: number, locale: string, width: "long" | "short" = "long") {
  const key = `${width} ${locale}`;
  let names = NAMES.get(key);
  if (!names) {
    const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" });
    names = Array.from({ length: 7 }, (_, day) => format.format(SUNDAY_UTC + day * DAY_MS));
    NAMES.set(key, names);
  }
  return names[((weekday % 7) + 7) % 7]!;
}

/** `14:00–15:00`: one clock hour, as 24-hour times. */
export function hourSpan(hour: number): string {
  const at = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  return `${at(hour)}–${at(hour + 1)}`;
}

/** `Tuesday 14:00–15:00`. */
export function formatWeekHour({ weekday, hour }: WeekHour, locale: string): string {
  return `${weekdayName(weekday, locale)} ${hourSpan(hour)}`;
}
