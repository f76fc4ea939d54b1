import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "./database";
import { auditEvent } from "./schema";

/**
 * The one path that deletes audit entries: retention (CALLBOARD_AUDIT_RETENTION_DAYS).
 * The append-only trigger lets a DELETE through only in a transaction that has set
 * `callboard.audit_purge` (SET LOCAL: it ends with the transaction). Returns the count.
 */
export async function purgeAuditEventsBefore(db: Database, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local callboard.audit_purge = 'on'`);
    const result = await tx.execute<{ n: number }>(sql`
      with purged as (delete from ${auditEvent} where ${auditEvent.at} < ${cutoff} returning 1)
      select count(*)::int as n from purged`);
    return result.rows[0]?.n ?? 0;
  });
}
