import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import { DAY_MS } from "@/lib/time/units";

import { forgetCoverageBefore } from "./coverage";
import { at } from "./filter";

/**
 * Retention (CALLBOARD_RETENTION_DAYS): calls that started before the cut, their unreadable
 * records and their coverage go; so does the upstream request history older than
 * REQUEST_HISTORY_DAYS. Deleted a few thousand rows at a time, so that on the embedded
 * database (one connection) other queries get their turn in between.
 */

export const REQUEST_HISTORY_DAYS = 8;
const BATCH = 5_000;

export interface RetentionResult {
  calls: number;
  rejections: number;
  requests: number;
}

async function deleteInBatches(db: Database, statement: () => ReturnType<typeof sql>) {
  let total = 0;
  for (;;) {
    const { rows } = await db.execute<{ n: number | bigint }>(statement());
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

export async function applyRetention(
  db: Database,
  retentionDays: number,
  now: number,
): Promise<RetentionResult> {
  const cut = now - retentionDays * DAY_MS;
  const calls = await deleteInBatches(
    db,
    () => sql`with gone as (
      delete from stored_call where call_id in (
        select call_id from stored_call where started_at < ${at(cut)} limit ${BATCH})
      returning 1) select count(*) as n from gone`,
  );
  const rejections = await deleteInBatches(
    db,
    () => sql`with gone as (
      delete from stored_call_rejection where key in (
        select key from stored_call_rejection where at < ${at(cut)} limit ${BATCH})
      returning 1) select count(*) as n from gone`,
  );
  await forgetCoverageBefore(db, cut);
  const requestCut = now - REQUEST_HISTORY_DAYS * DAY_MS;
  const requests = await deleteInBatches(
    db,
    () => sql`with gone as (
      delete from upstream_request where id in (
        select id from upstream_request where at < ${at(requestCut)} limit ${BATCH})
      returning 1) select count(*) as n from gone`,
  );
  return { calls, rejections, requests };
}
