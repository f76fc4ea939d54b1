import "server-only";

import { sql, type SQL } from "drizzle-orm";

import type { ApiCall } from "@/lib/api/calls-response";
import type { Database } from "@/lib/db/database";
import type { Translate } from "@/lib/format/labels";
import { columnKind, isColumnId, sortKeysFor, type ColumnId } from "@/lib/table/columns";
import { sortCollator } from "@/lib/table/sort";
import type { SortEntry } from "@/lib/view-state/parsers";

/**
 * ORDER BY for the paged table, equal to the browser's keyed sort (lib/table/sort.ts) over
 * the same records: numbers and dates as numbers, phones as their national number (other
 * text after), and every label or text column by the browser's own key function, ranked by
 * its collation — over the column's distinct values, which are few (statuses, types,
 * agents, queues). Missing values last either way; ties in load order (Date, CallID).
 */

type Reader = Pick<Database, "execute">;

/** Past this many distinct values a text column orders by code point (a documented approximation). */
export const MAX_RANKED_VALUES = 20_000;

const COLUMNS: Partial<Record<ColumnId, string>> = {
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

const field = (id: ColumnId) => sql.raw(`record->'${id}'`);
const textOf = (id: ColumnId) => sql.raw(COLUMNS[id] ?? `(record->>'${id}')`);

function numberOf(id: ColumnId): SQL {
  const column = COLUMNS[id];
  if (column) return sql.raw(`${column}::float8`);
  return sql`(case when jsonb_typeof(${field(id)}) = 'number' then ${textOf(id)}::float8 end)`;
}

/** The value the browser's key reads, as text, and how to rebuild the record part from it. */
function rawOf(id: ColumnId): { expr: SQL; record: (raw: string) => ApiCall } {
  switch (columnKind(id)) {
    case "callType":
      return {
        expr: sql`jsonb_build_object('CdrType', cdr_type, 'Type', record->'Type')::text`,
        record: (raw) => stripNulls(JSON.parse(raw) as Record<string, unknown>),
      };
    case "dtmf":
    case "customData":
      return {
        expr: sql`(${field(id)})::text`,
        record: (raw) => ({ CallID: "", [id]: JSON.parse(raw) as unknown }) as unknown as ApiCall,
      };
    default:
      return {
        expr: textOf(id),
        record: (raw) => ({ CallID: "", [id]: raw }) as unknown as ApiCall,
      };
  }
}

function stripNulls(value: Record<string, unknown>): ApiCall {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as ApiCall;
}

const dir = (desc: boolean) => sql.raw(desc ? "desc nulls last" : "asc nulls last");

function phoneOrder(id: ColumnId, desc: boolean): SQL[] {
  const v = textOf(id);
  const digits = sql`${v} ~ '^[0-9]{1,15}$'`;
  return [
    sql`(case when ${v} is null or ${v} = '' then null when ${digits} then 0 else 1 end) ${dir(desc)}`,
    sql`(case when ${digits} then (case when ${v} like '972%' then coalesce(nullif(substr(${v}, 4), ''), '0') else ${v} end)::numeric end) ${dir(desc)}`,
    sql`(case when not (${digits}) and ${v} <> '' then ${v} collate "C" end) ${dir(desc)}`,
  ];
}

async function rankedOrder(
  db: Reader,
  where: SQL,
  id: ColumnId,
  desc: boolean,
  context: { t: Translate; locale: string },
): Promise<SQL> {
  const raw = rawOf(id);
  const { rows } = await db.execute<{ raw: string | null }>(
    sql`select distinct ${raw.expr} as raw from stored_call where ${where} limit ${MAX_RANKED_VALUES + 1}`,
  );
  if (rows.length > MAX_RANKED_VALUES) return sql`${raw.expr} collate "C" ${dir(desc)}`;
  const keyFn = sortKeysFor(context.t)[id];
  const keyed = rows.flatMap((row) => {
    if (row.raw === null) return [];
    const key = keyFn(raw.record(row.raw));
    return typeof key === "string" ? [{ raw: row.raw, key }] : [];
  });
  // As columnKeys ranks them: the distinct keys sorted once, by collation or code point.
  const distinct = [...new Set(keyed.map((k) => k.key))];
  if (keyFn.byCodePoint) distinct.sort();
  else distinct.sort(sortCollator(context.locale).compare);
  const rank = new Map(distinct.map((key, index) => [key, index]));
  const ranks = Object.fromEntries(keyed.map((k) => [k.raw, rank.get(k.key)]));
  return sql`(${JSON.stringify(ranks)}::jsonb ->> ${raw.expr})::int ${dir(desc)}`;
}

/** The ORDER BY of the view's sort (ids that are not columns are skipped, as the table does). */
export async function pagedOrderBy(
  db: Reader,
  where: SQL,
  sort: readonly SortEntry[],
  context: { t: Translate; locale: string },
): Promise<SQL> {
  const keys: SQL[] = [];
  for (const { id, desc } of sort) {
    if (!isColumnId(id)) continue;
    switch (columnKind(id)) {
      case "datetime":
        // NOT NULL: without "nulls last" the (started_at, call_id) index gives the order
        keys.push(sql.raw(desc ? "started_at desc" : "started_at asc"));
        break;
      case "duration":
      case "price":
      case "number":
        keys.push(sql`${numberOf(id)} ${dir(desc)}`);
        break;
      case "boolean":
      case "recording":
        keys.push(
          id === "HasRecording"
            ? sql`has_recording::int ${dir(desc)}`
            : sql`(case when jsonb_typeof(${field(id)}) = 'boolean' then ${textOf(id)}::boolean::int end) ${dir(desc)}`,
        );
        break;
      case "phone":
        keys.push(...phoneOrder(id, desc));
        break;
      default:
        keys.push(await rankedOrder(db, where, id, desc, context));
    }
  }
  keys.push(sql`started_at asc`, sql`call_id asc`);
  return sql.join(keys, sql`, `);
}
