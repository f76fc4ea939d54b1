"use client";

import { useSyncExternalStore } from "react";

import { displayZone, type ZoneSource } from "@/lib/views/display-zone";

import { useSavedZone } from "./preferences-context";

const noSubscription = () => () => {};
// Read once: every render asks (twice, useSyncExternalStore checks), and a formatter is dear.
let knownZone: string | null | undefined;
const browserZone = () =>
  knownZone === undefined
    ? (knownZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null)
    : knownZone;

/** The browser's own zone once hydrated (null on the server). */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}

/**
 * The zone the dashboard shows times in (lib/views/display-zone.ts: the link's tz, the
 * saved zone, the browser's, the server's default) and where it came from.
 */
export function useDisplayZone(
  fallback: string,
  urlZone: string | null,
): { zone: string; source: ZoneSource } {
  const saved = useSavedZone().zone;
  const browser = useBrowserZone();
  return displayZone({ url: urlZone, saved, browser, fallback });
}
