import "server-only";

import type { Logger } from "pino";

import type { Database } from "@/lib/db/database";
import type { UpstreamRequester } from "@/lib/server/upstream-requests";
import { DAY_MS } from "@/lib/time/units";

/** What the store's parts share: the database, the upstream (governed), a clock, a log. */

export interface StoreSettings {
  /** Between two sync cycles (CALLBOARD_SYNC_INTERVAL_S). */
  syncIntervalMs: number;
  /** How far back each cycle looks again (CALLBOARD_SYNC_OVERLAP_MINUTES). */
  overlapMs: number;
  /** Days the backfill reaches back; 0 = none (CALLBOARD_BACKFILL_DAYS). */
  backfillDays: number;
  /** Calls older than this many days are deleted (CALLBOARD_RETENTION_DAYS). */
  retentionDays: number;
  /** How long one fetch may take before it gives up with what it has. */
  deadlineMs: number;
}

export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  syncIntervalMs: 60_000,
  overlapMs: 30 * 60_000,
  backfillDays: 90,
  retentionDays: 400,
  deadlineMs: 90_000,
};

export interface StoreContext {
  database: () => Promise<Database>;
  requester: UpstreamRequester;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  log: Logger;
  /** This process, as other instances and the admin page name it. */
  instance: string;
  settings: StoreSettings;
}

/** The sync is healthy while its edge is at most this far behind now. */
export function healthyLagMs(settings: StoreSettings): number {
  return 2 * settings.syncIntervalMs + 30_000;
}

export function retentionStart(settings: StoreSettings, now: number): number {
  return now - settings.retentionDays * DAY_MS;
}

/** Sleeps, waking early (resolved, not rejected) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
