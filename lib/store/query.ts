import "server-only";

import { sql, type SQL } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import type { Call } from "@/lib/voicenter/call";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";
import type { SortKey } from "@/lib/voicenter/request";
import { emptyRejected, type RejectedRecords } from "@/lib/voicenter/response";

import { callsWhere, rejectionsWhere, type StoreFilter } from "./filter";

/**
 * The store's query layer: every read of stored calls goes through here — the `/api/calls`
 * answer (JSON written by the database, in slices), pages in any sort order, counts, and
 * the rejected-record counts. Heavy reads are cut into slices of a few thousand rows, so
 * that on the embedded database (one connection) other queries get their turn in between.
 */

type Reader = Pick<Database, "execute">;

/** A column (or the record's field) per field, for ORDER BY. */
const SORT_EXPRESSIONS: Partial<Record<FieldName, string>> = {
  Date: "started_at",
  DateEpoch: "started_at",
  CallID: "call_id",
  CdrType: "cdr_type",
  DialStatus: "dial_status",
  Duration: "duration",
  RingTime: "ring_time",
  Price: "price",
  CallerNumber: "caller_number",
  TargetNumber: "target_number",
  DID: "did",
  CallerExtension: "caller_extension",
  TargetExtension: "target_extension",
  RepresentativeCode: "representative_code",
  RepresentativeName: "representative_name",
  UserName: "user_name",
  QueueName: "queue_name",
  DepartmentId: "department_id",
};

function sortExpression(field: FieldName): string {
  // jsonb orders numbers as numbers and text as text; field names come from the catalogue
  return SORT_EXPRESSIONS[field] ?? `record->'${field}'`;
}

/**
 * ORDER BY for sort keys: missing values last in either direction, ties by Date then
 * CallID (the order `/api/calls` answers in), so every order is total and pages are stable.
 */
export function orderBy(sort: readonly SortKey[]): SQL {
  const keys = sort.map(
    (k) => `${sortExpression(k.field)} ${k.order === "desc" ? "desc" : "asc"} nulls last`,
  );
  return sql.raw([...keys, "started_at asc", "call_id asc"].join(", "));
}

export interface PageOptions {
  sort?: readonly SortKey[];
  /** Rows to skip (a scrolled-to position in a sorted list). */
  offset?: number;
  limit: number;
}

/** One page of stored calls in any order (records as normalized, RecordURL included). */
export async function readCallsPage(
  db: Reader,
  filter: StoreFilter,
  opts: PageOptions,
): Promise<Call[]> {
  const limit = Math.max(0, Math.floor(opts.limit));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  const { rows } = await db.execute<{ record: Call }>(sql`
    select record from stored_call where ${callsWhere(filter)}
    order by ${orderBy(opts.sort ?? [])} limit ${limit} offset ${offset}`);
  return rows.map((row) => row.record);
}

export async function countCalls(db: Reader, filter: StoreFilter): Promise<number> {
  const { rows } = await db.execute<{ n: number | bigint }>(
    sql`select count(*) as n from stored_call where ${callsWhere(filter)}`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The RecordURL stored for a call (server-side only), or undefined. */
export async function storedRecordUrl(db: Reader, callId: string): Promise<string | undefined> {
  const { rows } = await db.execute<{ url: string | null }>(
    sql`select record->>'RecordURL' as url from stored_call where call_id = ${callId}`,
  );
  return rows[0]?.url || undefined;
}

/** The unreadable records the filter may match, as `/api/calls` counts them. */
export async function countRejections(db: Reader, filter: StoreFilter): Promise<RejectedRecords> {
  const { rows } = await db.execute<{ n: number | bigint; reasons: string[] | null }>(sql`
    select count(*) as n, (array_agg(distinct reason))[1:10] as reasons
    from stored_call_rejection where ${rejectionsWhere(filter)}`);
  const row = rows[0];
  if (!row) return emptyRejected();
  return { count: Number(row.n), reasons: row.reasons ?? [] };
}

/**
 * The `/api/calls` form of a stored record, written by the database: the asked fields
 * (CallID and Date always), RecordURL dropped, HasRecording added — as toApiCall does.
 */
export function apiCallJson(fields: readonly FieldName[]): SQL {
  const wanted = new Set<FieldName>([...fields, "CallID", "Date"]);
  const dropped = FIELD_NAMES.filter((name) => name === "RecordURL" || !wanted.has(name));
  const drop = dropped.length ? ` - array[${dropped.map((n) => `'${n}'`).join(", ")}]` : "";
  return sql.raw(
    `((record${drop}) || jsonb_build_object('CallID', call_id, 'HasRecording', has_recording))::text`,
  );
}

export interface AnswerSlice {
  /** Comma-separated JSON objects of this slice's calls. */
  json: string;
  count: number;
}

/**
 * The calls of a filter, in `/api/calls` order (Date, then CallID), as JSON slices. Each
 * slice is one short query continuing after the last (keyset), so a month of a busy center
 * never holds the connection — or the server's memory — at once.
 */
export async function* readAnswerSlices(
  db: Reader,
  filter: StoreFilter,
  fields: readonly FieldName[],
  sliceSize = 5_000,
): AsyncGenerator<AnswerSlice> {
  let after: { startedAt: string; callId: string } | undefined;
  for (;;) {
    const keyset = after
      ? sql` and (started_at, call_id) > (${after.startedAt}::timestamptz, ${after.callId})`
      : sql``;
    const { rows } = await db.execute<{
      json: string;
      n: number | bigint;
      last_at: string;
      last_id: string;
    }>(sql`
      with slice as (
        select started_at, call_id, ${apiCallJson(fields)} as j from stored_call
        where ${callsWhere(filter)}${keyset}
        order by started_at, call_id limit ${sliceSize}
      )
      select string_agg(j, ',' order by started_at, call_id) as json, count(*) as n,
        to_char(max(started_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_at,
        (array_agg(call_id order by started_at desc, call_id desc))[1] as last_id
      from slice`);
    const row = rows[0];
    const count = Number(row?.n ?? 0);
    if (!row || count === 0) return;
    yield { json: row.json, count };
    if (count < sliceSize) return;
    after = { startedAt: row.last_at, callId: row.last_id };
  }
}
