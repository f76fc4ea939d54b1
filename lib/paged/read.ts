import "server-only";

import { sql, type SQL } from "drizzle-orm";

import type { ApiCall } from "@/lib/api/calls-response";
import type { Database } from "@/lib/db/database";
import { apiCallJson } from "@/lib/store/query";
import type { FieldName } from "@/lib/voicenter/fields";

/**
 * Reads of the paged table: the count, one page in the view's order, and every row in
 * that order for the export — ordering ids first (one sort, small rows) and reading the
 * records of a slice of ids afterwards, so the database never builds JSON for rows it
 * does not send, and the server holds one slice at a time.
 */

type Reader = Pick<Database, "execute">;

export async function countWhere(db: Reader, where: SQL): Promise<number> {
  const { rows } = await db.execute<{ n: number | bigint }>(
    sql`select count(*) as n from stored_call where ${where}`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function orderedIds(
  db: Reader,
  where: SQL,
  order: SQL,
  range: { offset: number; limit?: number },
): Promise<string[]> {
  const limit = range.limit === undefined ? sql`` : sql` limit ${range.limit}`;
  const { rows } = await db.execute<{ ids: string | null }>(sql`
    select (select json_agg(call_id)::text from (
      select call_id from stored_call where ${where}
      order by ${order}${limit} offset ${range.offset}) ordered) as ids`);
  return JSON.parse(rows[0]?.ids ?? "[]") as string[];
}

async function callsByIds(
  db: Reader,
  ids: readonly string[],
  fields: readonly FieldName[],
): Promise<ApiCall[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.execute<{ json: string | null }>(sql`
    select json_agg(${apiCallJson(fields)}::json)::text as json from stored_call
    where call_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  const calls = JSON.parse(rows[0]?.json ?? "[]") as ApiCall[];
  const byId = new Map(calls.map((call) => [call.CallID, call]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function readPage(
  db: Reader,
  where: SQL,
  order: SQL,
  page: { offset: number; limit: number; fields: readonly FieldName[] },
): Promise<ApiCall[]> {
  const ids = await orderedIds(db, where, order, page);
  return callsByIds(db, ids, page.fields);
}

/** Every row of the view in its order, a slice at a time. */
export async function* readAllInOrder(
  db: Reader,
  where: SQL,
  order: SQL,
  fields: readonly FieldName[],
  sliceSize = 5_000,
): AsyncGenerator<ApiCall[]> {
  const ids = await orderedIds(db, where, order, { offset: 0 });
  for (let i = 0; i < ids.length; i += sliceSize) {
    yield await callsByIds(db, ids.slice(i, i + sliceSize), fields);
  }
}
