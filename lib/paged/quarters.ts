import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import { callsWhere, type StoreFilter } from "@/lib/store/filter";

import { countWhere } from "./read";

/**
 * Reads of the stored calls' counts by quarter hour (stored_call_quarter, kept by the
 * database's triggers): a whole-account range's count and chart counts come from its whole
 * quarter hours' counts plus the rows of the partial quarter hours at its two ends, equal
 * to counting every row (quarters.test.ts holds the two equal), in a few thousand rows a
 * month instead of every call.
 */

type Reader = Pick<Database, "execute">;

export const QUARTER_MS = 15 * 60_000;

/** The quarter hours wholly inside a range, [first, end), and the parts of it left at its ends. */
export function quarterSplit(range: { from: number; to: number }): {
  first: number;
  end: number;
  edges: { from: number; to: number }[];
} {
  const first = Math.ceil(range.from / QUARTER_MS);
  const end = Math.floor(range.to / QUARTER_MS);
  if (first >= end) return { first, end: first, edges: [{ from: range.from, to: range.to }] };
  const edges = [
    { from: range.from, to: first * QUARTER_MS },
    { from: end * QUARTER_MS, to: range.to },
  ].filter((edge) => edge.to > edge.from);
  return { first, end, edges };
}

/** A filter of the range alone (the whole account, no upstream or store-only filter). */
export function isRangeOnly(filter: StoreFilter): boolean {
  return Object.keys(filter).every((key) => key === "from" || key === "to");
}

/** The rows a filter selects, from the quarter counts when it is a range alone. */
export async function countStored(db: Reader, filter: StoreFilter): Promise<number> {
  if (!isRangeOnly(filter)) return countWhere(db, callsWhere(filter));
  const { first, end, edges } = quarterSplit(filter);
  const [whole, ...ends] = await Promise.all([
    end > first
      ? db
          .execute<{ n: number | bigint | string | null }>(
            sql`select sum(n) as n from stored_call_quarter
              where quarter >= ${first} and quarter < ${end}`,
          )
          .then(({ rows }) => Number(rows[0]?.n ?? 0))
      : Promise.resolve(0),
    ...edges.map((edge) => countWhere(db, callsWhere(edge))),
  ]);
  return ends.reduce((sum, n) => sum + n, whole);
}

export type QuarterCount = {
  q: string | number;
  status: string | null;
  bin: number | null;
  n: number | bigint | string;
};

/** The counts of the quarter hours [first, end) by status and talk-time bin. */
export async function quarterCounts(
  db: Reader,
  first: number,
  end: number,
): Promise<QuarterCount[]> {
  if (end <= first) return [];
  const { rows } = await db.execute<QuarterCount>(sql`
    select quarter as q, status, case when bin < 0 then null else bin end as bin, n
    from stored_call_quarter where quarter >= ${first} and quarter < ${end} and n <> 0`);
  return rows;
}
