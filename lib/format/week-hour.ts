import type { WeekHour } from "@/lib/view-state/parsers";

// 2023-01-01 was a Sunday: weekday n is 1 + n January 2023, read in UTC.
const SUNDAY_UTC = Date.UTC(2023, 0, 1, 12);
const DAY_MS = 86_400_000;

/** The weekday's name in the locale (0 = Sunday). */
export function weekdayName(weekday: number, locale: string, width: "long" | "short" = "long") {
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(
    SUNDAY_UTC + weekday * DAY_MS,
  );
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
