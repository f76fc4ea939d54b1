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
 *
 * The calls come in receipt order (then CallID), at most MAX_TAIL at a time: when there are
 * more, the answer carries the last one's place (`after`) to ask on from. Without it a
 * burst of receipts bigger than one answer (a page's own load, just written) would be
 * answered again and again, and a call the sync brought after it never reached.
 */

export const MAX_TAIL = 5_000;

/** A place in receipt order: the receipt instant (to the microsecond) and the CallID. */
export interface TailPlace {
  at: string;
  id: string;
}

export interface TailRead {
  /** Comma-separated `/api/calls` objects (as the plain answer writes them). */
  json: string;
  count: number;
  /** The newest receipt among them, or `since` when there were none. */
  cursor: number;
  /** Where to ask on from when there are more than one answer holds. */
  next?: TailPlace;
  syncedTo: number | undefined;
}

const PLACE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)~([^~]{1,200})$/;

/** `after`'s text form (`<ISO instant>~<CallID>`), read back; undefined when malformed. */
export function parseTailPlace(text: string): TailPlace | undefined {
  const match = PLACE.exec(text);
  return match?.[1] && match[2] && !Number.isNaN(Date.parse(match[1]))
    ? { at: match[1], id: match[2] }
    : undefined;
}

export const formatTailPlace = (place: TailPlace) => `${place.at}~${place.id}`;

export async function readTail(
  ctx: StoreContext,
  filter: StoreFilter,
  fields: readonly FieldName[],
  since: number,
  after?: TailPlace,
  limit = MAX_TAIL,
): Promise<TailRead> {
  const db = await ctx.database();
  const part: StoreFilter = { ...filter, from: Math.max(filter.from, since - DAY_MS) };
  const onFrom = after
    ? sql`and (first_fetched_at, call_id) > (${after.at}::timestamptz, ${after.id})`
    : sql``;
  const { rows } = await db.execute<{
    json: string | null;
    n: number | bigint;
    last_at: string | null;
    last_id: string | null;
  }>(sql`
    with fresh as (
      select started_at, call_id, first_fetched_at, ${apiCallJson(fields)} as j from stored_call
      where ${callsWhere(part)} and first_fetched_at >= ${new Date(since).toISOString()}::timestamptz
        ${onFrom}
      order by first_fetched_at, call_id limit ${limit}
    ), last as (
      select first_fetched_at, call_id from fresh order by first_fetched_at desc, call_id desc limit 1
    )
    select (select string_agg(j, ',' order by started_at, call_id) from fresh) as json,
      (select count(*) from fresh) as n,
      to_char(last.first_fetched_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_at,
      last.call_id as last_id
    from (select 1) as one left join last on true`);
  const row = rows[0];
  const count = Number(row?.n ?? 0);
  const state = await readSyncState(db);
  return {
    json: row?.json ?? "",
    count,
    cursor: row?.last_at ? Date.parse(row.last_at) : since,
    ...(count >= limit && row?.last_at && row.last_id
      ? { next: { at: row.last_at, id: row.last_id } }
      : {}),
    syncedTo: state.syncedTo,
  };
}
