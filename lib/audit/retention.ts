import "server-only";

import { purgeAuditEventsBefore, type Database } from "@/lib/db";
import { DAY_MS } from "@/lib/time/units";

/**
 * CALLBOARD_AUDIT_RETENTION_DAYS, applied by the server itself: once at start and then
 * daily, entries older than the retention are purged (the trail's one deleting path).
 */
export interface AuditRetention {
  /** Runs one purge now; resolves to the number of entries removed. */
  purge(): Promise<number>;
  stop(): void;
}

export function startAuditRetention(options: {
  db: () => Promise<Database>;
  days: number;
  now?: () => number;
  log: (line: string) => void;
  intervalMs?: number;
}): AuditRetention {
  const now = options.now ?? Date.now;
  const purge = async () => {
    const cutoff = new Date(now() - options.days * DAY_MS);
    const removed = await purgeAuditEventsBefore(await options.db(), cutoff);
    if (removed > 0) {
      options.log(`audit: ${removed} entries older than ${options.days} days purged`);
    }
    return removed;
  };
  const run = () =>
    void purge().catch((error: unknown) =>
      options.log(
        `audit: retention purge failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  // the purge must never keep the process alive on its own
  timer.unref();
  return { purge, stop: () => clearInterval(timer) };
}
