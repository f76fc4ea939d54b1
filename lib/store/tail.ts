import "server-only";

import { sql } from "drizzle-orm";

import { DAY_MS } from "@/lib/time/units";
import type { FieldName } from "@/lib/voicenter/fields";

import type { StoreContext } from "./context";
import { callsWhere, type StoreFilter } from "./filter";
import { apiCallJson } from "./query";
import { readSyncState } from "./sync-state";

/**
 * The live tail: calls of a filter that the store first received at or after `since` —
 * what the sync (or any fetch) brought since a page loaded. Read from the store only, never
 * from the upstream. A call is received at most a day after it started (the sync's longest
 * look back; the sweep's is shorter), so only that day of the range is scanned.
 */

const MAX_TAIL = 5_000;

export interface TailRead {
  /** Comma-separated `/api/calls` objects (as the plain answer writes them). */
  json: string;
  count: number;
  /** The newest receipt among them, or `since` when there were none. */
  cursor: number;
  syncedTo: number | undefined;
}

export async function readTail(
  ctx: StoreContext,
  filter: StoreFilter,
  fields: readonly FieldName[],
  since: number,
): Promise<TailRead> {
  const db = await ctx.database();
  const part: StoreFilter = { ...filter, from: Math.max(filter.from, since - DAY_MS) };
  const { rows } = await db.execute<{
    json: string | null;
    n: number | bigint;
    last: string | null;
  }>(sql`
    with fresh as (
      select started_at, call_id, first_fetched_at, ${apiCallJson(fields)} as j from stored_call
      where ${callsWhere(part)} and first_fetched_at >= ${new Date(since).toISOString()}::timestamptz
      order by first_fetched_at, started_at, call_id limit ${MAX_TAIL}
    )
    select string_agg(j, ',' order by started_at, call_id) as json, count(*) as n,
      to_char(max(first_fetched_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last
    from fresh`);
  const row = rows[0];
  const state = await readSyncState(db);
  return {
    json: row?.json ?? "",
    count: Number(row?.n ?? 0),
    cursor: row?.last ? Date.parse(row.last) : since,
    syncedTo: state.syncedTo,
  };
}
