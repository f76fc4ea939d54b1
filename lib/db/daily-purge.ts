import "server-only";

import { DAY_MS } from "@/lib/time/units";

import type { Database } from "./database";

/**
 * A retention the server applies itself: once at start and then daily, what is older than
 * `days` is purged by `purge` (which says how many rows went). It never keeps the process
 * alive on its own, and a failed purge is logged and tried again the next day.
 */
export interface DailyPurge {
  /** Runs one purge now; resolves to the number of rows removed. */
  purge(): Promise<number>;
  stop(): void;
}

export function startDailyPurge(options: {
  /** What is purged, as the log lines name it ("audit", "call work"). */
  what: string;
  db: () => Promise<Database>;
  days: number;
  purge: (db: Database, cutoff: Date) => Promise<number>;
  now?: () => number;
  log: (line: string) => void;
  intervalMs?: number;
}): DailyPurge {
  const now = options.now ?? Date.now;
  const purge = async () => {
    const cutoff = new Date(now() - options.days * DAY_MS);
    const removed = await options.purge(await options.db(), cutoff);
    if (removed > 0) {
      options.log(`${options.what}: ${removed} entries older than ${options.days} days purged`);
    }
    return removed;
  };
  const run = () =>
    void purge().catch((error: unknown) =>
      options.log(
        `${options.what}: retention purge failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return { purge, stop: () => clearInterval(timer) };
}
