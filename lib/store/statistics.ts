import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";

/**
 * The planner's statistics and the visibility map of stored_call, kept up as the store
 * grows. PGlite has no autovacuum: a store filled by the backfill was never analyzed, so
 * the planner guessed a few thousand rows for a month, chose bitmap scans of the whole
 * heap and sorted it, and no count could be answered from the index alone (bench 12 went
 * from 23 s to a few seconds with this alone). PostgreSQL's autovacuum would get there,
 * but only later; the same upkeep is harmless there (VACUUM does not block its readers).
 *
 * Decided from the table's own size, so it holds across processes and restarts: when the
 * heap has grown by a quarter (and by at least `minPages`) since the last VACUUM/ANALYZE
 * counted its pages, it runs again. A vacuum scans only the pages changed since the last.
 */

export const GROWTH = 1.25;
export const MIN_PAGES = 1_000;
const TARGET = 10;

const running = new WeakMap<object, Promise<boolean>>();

interface PageCounts {
  counted: number;
  now: number;
}

async function pageCounts(db: Pick<Database, "execute">): Promise<PageCounts> {
  const { rows } = await db.execute<{ counted: number | string; now: number | string }>(sql`
    select relpages as counted, pg_relation_size(oid) / current_setting('block_size')::int as now
    from pg_class where oid = 'stored_call'::regclass`);
  return { counted: Number(rows[0]?.counted ?? 0), now: Number(rows[0]?.now ?? 0) };
}

export function needsUpkeep(pages: PageCounts, minPages = MIN_PAGES): boolean {
  return pages.now - pages.counted >= minPages && pages.now >= pages.counted * GROWTH;
}

/**
 * Vacuums and analyzes stored_call when it has grown enough (one at a time per database);
 * resolves to whether it ran. `db` must not be a transaction: VACUUM cannot run in one.
 */
export function keepStatistics(db: Database, options: { minPages?: number } = {}) {
  const inFlight = running.get(db);
  if (inFlight) return inFlight.then(() => false);
  const work = (async () => {
    if (!needsUpkeep(await pageCounts(db), options.minPages)) return false;
    // the visibility map: a vacuum visits only the pages changed since the last one
    await db.execute(sql`vacuum stored_call`);
    // estimates of ranges and counts need no fine histograms: a sample of 3,000 rows
    // (the default, 30,000, read most pages of a month on every run)
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(TARGET))}`);
      await tx.execute(sql`analyze stored_call`);
    });
    return true;
  })();
  running.set(db, work);
  return work.finally(() => running.delete(db));
}
