import "server-only";

import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import { callCoverage } from "@/lib/db/schema/call-store";
import { HOUR_MS } from "@/lib/time/units";

import { at } from "./filter";
import { applyFetch, type CoverageSpan, type Span } from "./spans";

/**
 * Coverage in the database: read for a range, and updated when a fetch finishes — in one
 * transaction with the removal of what the upstream no longer has, under an advisory lock
 * per filter so that two instances finishing overlapping spans cannot lose each other's.
 */

/**
 * How long after a span's end a fetch must begin for the span to be final: the longest
 * calls (about 90 minutes) plus the minutes records take to appear, with room to spare.
 */
export const SETTLE_MS = 3 * HOUR_MS;

// "cbcv": coverage; the second key is the filter key's hash
const COVERAGE_LOCK = 0x63_62_63_76;

type Executor = Pick<Database, "execute" | "select" | "insert" | "delete">;

export interface StoredCoverageSpan extends CoverageSpan {
  id: number;
  filterKey: string;
}

export async function readCoverage(
  db: Executor,
  keys: readonly string[],
  range: Span,
): Promise<StoredCoverageSpan[]> {
  const rows = await db
    .select()
    .from(callCoverage)
    .where(
      and(
        inArray(callCoverage.filterKey, [...keys]),
        sql`${callCoverage.toAt} >= ${at(range.from)}`,
        sql`${callCoverage.fromAt} <= ${at(range.to)}`,
      ),
    )
    .orderBy(asc(callCoverage.fromAt));
  return rows.map((row) => ({
    id: row.id,
    filterKey: row.filterKey,
    from: row.fromAt.getTime(),
    to: row.toAt.getTime(),
    fetchedAt: row.fetchedAt.getTime(),
    complete: row.complete,
    settled: row.settled,
  }));
}

export interface FinishedFetch {
  /** '' for the whole account. */
  filterKey: string;
  span: Span;
  /** When the fetch began. */
  fetchedAt: number;
  complete: boolean;
  /**
   * The whole account's calls of the span, complete: stored calls and unreadable records
   * of the span that this fetch did not bring are gone upstream (or moved), so they go.
   */
  replace: boolean;
  /** More to write in the same transaction (the sync's cursor). */
  alsoInTransaction?: (tx: Database) => Promise<void>;
}

export async function finishFetch(
  db: Database,
  fetched: FinishedFetch,
  settleMs = SETTLE_MS,
): Promise<void> {
  const { span, fetchedAt } = fetched;
  if (span.to <= span.from) return;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${COVERAGE_LOCK}, hashtext(${fetched.filterKey}))`,
    );
    if (fetched.replace && fetched.complete) {
      await tx.execute(sql`delete from stored_call
        where started_at >= ${at(span.from)} and started_at < ${at(span.to)}
          and last_fetched_at < ${at(fetchedAt)}`);
      await tx.execute(sql`delete from stored_call_rejection
        where at >= ${at(span.from)} and at < ${at(span.to)} and fetched_at < ${at(fetchedAt)}`);
    }
    const existing = await tx
      .select()
      .from(callCoverage)
      .where(
        and(
          eq(callCoverage.filterKey, fetched.filterKey),
          gte(callCoverage.toAt, new Date(span.from)),
          lte(callCoverage.fromAt, new Date(span.to)),
        ),
      );
    const next = applyFetch(
      existing.map((row) => ({
        from: row.fromAt.getTime(),
        to: row.toAt.getTime(),
        fetchedAt: row.fetchedAt.getTime(),
        complete: row.complete,
        settled: row.settled,
      })),
      { from: span.from, to: span.to, fetchedAt, complete: fetched.complete },
      settleMs,
    );
    if (existing.length > 0) {
      await tx.delete(callCoverage).where(
        inArray(
          callCoverage.id,
          existing.map((row) => row.id),
        ),
      );
    }
    if (next.length > 0) {
      await tx.insert(callCoverage).values(
        next.map((s) => ({
          filterKey: fetched.filterKey,
          fromAt: new Date(s.from),
          toAt: new Date(s.to),
          fetchedAt: new Date(s.fetchedAt),
          complete: s.complete,
          settled: s.settled,
        })),
      );
    }
    await fetched.alsoInTransaction?.(tx);
  });
}

/** Forgets coverage before an instant (retention), trimming the span that straddles it. */
export async function forgetCoverageBefore(db: Executor, before: number): Promise<void> {
  await db.execute(sql`delete from call_coverage where to_at <= ${at(before)}`);
  await db.execute(
    sql`update call_coverage set from_at = ${at(before)} where from_at < ${at(before)}`,
  );
}
