import "server-only";

import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import type { Call } from "@/lib/voicenter/call";
import type { RejectedRecord } from "@/lib/voicenter/response";

import { compactSql } from "./compact";
import { at } from "./filter";
import { keepStatistics } from "./statistics";

/**
 * Writing fetched calls. Calls go in batches, each its own statement (PGlite has one
 * connection: a long transaction would hold up every reader); they are upserts by CallID,
 * so a batch written twice changes nothing. What makes a span count as fetched (coverage,
 * removal of calls the upstream no longer has) is written afterwards in one transaction
 * (coverage.ts): a process killed in between leaves the span uncovered, to be fetched again,
 * and nothing lost or doubled.
 */

const BATCH = 2_500;

// A number the column can hold, else null (the record keeps whatever was sent).
const int = (field: string) =>
  `case when jsonb_typeof(r->'${field}') = 'number' and (r->>'${field}') ~ '^-?[0-9]{1,9}$' then (r->>'${field}')::integer end`;
const num = (field: string) =>
  `case when jsonb_typeof(r->'${field}') = 'number' then (r->>'${field}')::double precision end`;
const txt = (field: string) => `r->>'${field}'`;

const COLUMNS = `call_id, started_at, cdr_type, dial_status, duration, ring_time, price,
  caller_number, target_number, did, numbers, caller_extension, target_extension, extensions,
  representative_code, representative_name, user_name, queue_name, department_id,
  has_recording, record, compact, first_fetched_at, last_fetched_at`;

const ROW_VALUES = [
  txt("CallID"),
  `(r->>'Date')::timestamptz`,
  int("CdrType"),
  txt("DialStatus"),
  num("Duration"),
  num("RingTime"),
  num("Price"),
  txt("CallerNumber"),
  txt("TargetNumber"),
  txt("DID"),
  `array_remove(array[r->>'CallerNumber', r->>'TargetNumber', r->>'DID'], null)`,
  txt("CallerExtension"),
  txt("TargetExtension"),
  `array_remove(array[r->>'TargetExtension', r->>'CallerExtension'], null)`,
  txt("RepresentativeCode"),
  txt("RepresentativeName"),
  txt("UserName"),
  txt("QueueName"),
  int("DepartmentId"),
  // as /api/calls's HasRecording (lib/api/calls-response.ts)
  `coalesce(r->>'RecordURL', '') <> '' or coalesce(r->'RecordExpect' = 'true'::jsonb, false)`,
  "r",
];

// The compact form (compact.ts) of the row being written, from the same expressions.
const byColumn = new Map(COLUMNS.split(",").map((c, i) => [c.trim(), ROW_VALUES[i] ?? ""]));
const VALUES = [...ROW_VALUES, compactSql((name) => byColumn.get(name) ?? name)].join(",\n  ");

const UPDATES = COLUMNS.split(",")
  .map((c) => c.trim())
  .filter((c) => c !== "call_id" && c !== "first_fetched_at")
  .map((c) => `${c} = excluded.${c}`)
  .join(", ");

/** One row per CallID (the last one sent wins), with a CallID and a Date. */
function uniqueCalls(calls: readonly Call[]): Call[] {
  const byId = new Map<string, Call>();
  for (const call of calls) if (call.CallID && call.Date) byId.set(call.CallID, call);
  return [...byId.values()];
}

/**
 * Upserts calls fetched at `fetchedAt`. A row already written by a later fetch is left as
 * it is (two fetches of one span may finish in either order).
 */
export async function upsertCalls(
  db: Database,
  calls: readonly Call[],
  fetchedAt: number,
): Promise<number> {
  const rows = uniqueCalls(calls);
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH));
    await db.execute(sql`
      insert into stored_call (${sql.raw(COLUMNS)})
      select ${sql.raw(VALUES)}, ${at(fetchedAt)}, ${at(fetchedAt)}
      from jsonb_array_elements(${json}::jsonb) as r
      on conflict (call_id) do update set ${sql.raw(UPDATES)}
      where stored_call.last_fetched_at <= excluded.last_fetched_at`);
  }
  if (rows.length > 0) await keepStatistics(db);
  return rows.length;
}

/** The key a rejected record is kept under: its CallID, else a digest of what was sent. */
export function rejectionKey(record: RejectedRecord): string {
  if (record.callId) return `id:${record.callId}`;
  return `raw:${createHash("sha256").update(record.fingerprint).digest("hex")}`;
}

export interface RejectionRow {
  key: string;
  at: string;
  reason: string;
  callId: string | null;
  cdrType: number | null;
  numbers: string[] | null;
  extensions: string[] | null;
}

export function rejectionRows(records: readonly RejectedRecord[], placeAt: number): RejectionRow[] {
  const byKey = new Map<string, RejectionRow>();
  for (const record of records) {
    const key = rejectionKey(record);
    byKey.set(key, {
      key,
      at: new Date(record.at ?? placeAt).toISOString(),
      reason: record.reason,
      callId: record.callId ?? null,
      cdrType: record.cdrType ?? null,
      numbers: record.numbers ?? null,
      extensions: record.extensions ?? null,
    });
  }
  return [...byKey.values()];
}

/** Upserts unreadable records, as upsertCalls does calls. */
export async function upsertRejections(
  db: Database,
  rows: readonly RejectionRow[],
  fetchedAt: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const json = JSON.stringify(rows.slice(i, i + BATCH));
    await db.execute(sql`
      insert into stored_call_rejection (key, at, reason, call_id, cdr_type, numbers, extensions, fetched_at)
      select r->>'key', (r->>'at')::timestamptz, r->>'reason', r->>'callId',
        case when (r->>'cdrType') ~ '^-?[0-9]{1,9}$' then (r->>'cdrType')::integer end,
        case when jsonb_typeof(r->'numbers') = 'array' then array(select jsonb_array_elements_text(r->'numbers')) end,
        case when jsonb_typeof(r->'extensions') = 'array' then array(select jsonb_array_elements_text(r->'extensions')) end,
        ${at(fetchedAt)}
      from jsonb_array_elements(${json}::jsonb) as r
      on conflict (key) do update set at = excluded.at, reason = excluded.reason,
        call_id = excluded.call_id, cdr_type = excluded.cdr_type, numbers = excluded.numbers,
        extensions = excluded.extensions, fetched_at = excluded.fetched_at
      where stored_call_rejection.fetched_at <= excluded.fetched_at`);
  }
}
