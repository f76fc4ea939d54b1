import { isValidTimeZone } from "@/lib/time/time-zone";

/**
 * The zone the dashboard shows times in, first that is set and known to Intl:
 *   1. the link's `tz` parameter (someone chose a zone for this link),
 *   2. the viewer's saved zone (the picker, remembered per person in the database),
 *   3. the browser's own zone (known only once in the browser),
 *   4. CALLBOARD_TIMEZONE (the server's default; also what the server renders before 3).
 * URLs hold instants, so the same link shows the same calls in whichever zone this picks.
 * Pure.
 */
export interface ZoneSources {
  url: string | null;
  saved: string | null;
  browser: string | null;
  fallback: string;
}

export type ZoneSource = "url" | "saved" | "browser" | "fallback";

export function displayZone(sources: ZoneSources): { zone: string; source: ZoneSource } {
  for (const source of ["url", "saved", "browser"] as const) {
    const zone = sources[source];
    if (zone && isValidTimeZone(zone)) return { zone, source };
  }
  return { zone: sources.fallback, source: "fallback" };
}

/** Every zone to offer, by name: the runtime's list, UTC included (Intl omits it in places). */
export function zoneChoices(): string[] {
  const zones = new Set(
    typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [],
  );
  zones.add("UTC");
  return [...zones].sort();
}
