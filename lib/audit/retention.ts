import "server-only";

import { purgeAuditEventsBefore, type Database } from "@/lib/db";
import { startDailyPurge, type DailyPurge } from "@/lib/db/daily-purge";

/**
 * CALLBOARD_AUDIT_RETENTION_DAYS, applied by the server itself: once at start and then
 * daily, entries older than the retention are purged (the trail's one deleting path).
 */
export type AuditRetention = DailyPurge;

export function startAuditRetention(options: {
  db: () => Promise<Database>;
  days: number;
  now?: () => number;
  log: (line: string) => void;
  intervalMs?: number;
}): AuditRetention {
  return startDailyPurge({ ...options, what: "audit", purge: purgeAuditEventsBefore });
}
