import "server-only";

import { and, count, desc, eq, gte, ilike, inArray, lte, or, type SQL } from "drizzle-orm";

import { auditEvent, type Database } from "@/lib/db";

import type { AuditFilters, AuditQuery } from "./filters";

/** Reads the audit trail, newest first: one page with the total, or every row for an export. */
export type AuditRow = typeof auditEvent.$inferSelect;

export interface AuditPage {
  events: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** `%`, `_` and `\` match themselves in the user filter. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(filters: AuditFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.user) {
    conditions.push(
      or(
        eq(auditEvent.actorId, filters.user),
        ilike(auditEvent.actorLabel, likePattern(filters.user)),
      ),
    );
  }
  if (filters.actions.length > 0) conditions.push(inArray(auditEvent.action, filters.actions));
  if (filters.callId) conditions.push(eq(auditEvent.target, filters.callId));
  if (filters.from) conditions.push(gte(auditEvent.at, filters.from));
  if (filters.to) conditions.push(lte(auditEvent.at, filters.to));
  return and(...conditions);
}

export async function listAuditEvents(db: Database, query: AuditQuery): Promise<AuditPage> {
  const condition = where(query);
  const [events, totals] = await Promise.all([
    db
      .select()
      .from(auditEvent)
      .where(condition)
      .orderBy(desc(auditEvent.at), desc(auditEvent.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEvent).where(condition),
  ]);
  return { events, total: totals[0]?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Enough for any review; a bigger export is a sign the filters are missing. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export function exportAuditEvents(db: Database, filters: AuditFilters): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvent)
    .where(where(filters))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(AUDIT_EXPORT_LIMIT);
}
