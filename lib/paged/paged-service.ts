import "server-only";

import type { SQL } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import { ApiError, badParameter } from "@/lib/server/api-error";
import { callsQueryOf } from "@/lib/server/calls-request";
import { serverEnv } from "@/lib/server/env";
import { readCoverage } from "@/lib/store/coverage";
import { storeFilterOf, type StoreFilter } from "@/lib/store/filter";
import { getCallStore } from "@/lib/store/process";
import { gaps } from "@/lib/store/spans";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import { filterCallsLocally, hasLocalFilters } from "@/lib/view-state/local-filter";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

import { pagedWhere } from "./local-sql";
import { pagedOrderBy } from "./order";
import { countStored } from "./quarters";
import { countWhere } from "./read";
import { readyRecordsOf } from "./record-sets";
import { tableTranslatorFor } from "./translator";
import { parsePagedParams, type PagedView } from "./view-params";

/**
 * What every paged route starts from: the `/api/calls` query and the page's view of one
 * request, the store's database, and the view's WHERE and ORDER BY. Paged mode reads the
 * call store only: with CALLBOARD_STORE=off (the pure proxy) it is not available.
 */

export interface PagedMode {
  /**
   * Calls the store holds for the range, before any filter: the mode is the range's, so a
   * filter (an agent's extension, a status) narrows a big range's view without leaving
   * paged mode, and one URL always opens in one mode.
   */
  count: number;
  threshold: number;
  paged: boolean;
  /** Whether paged mode can serve this view at all; `reason` says why not. */
  available: boolean;
  reason?: string;
  /**
   * The parts of the range the store holds no complete fetch of (older than the backfill
   * reached, or not synced yet; the few minutes before now the sync has yet to reach are
   * left out): a paged view shows only the calls the store holds, so the page says so.
   */
  missing?: { from: number; to: number }[];
}

/** A gap shorter than this is the sync's own lag, not a hole in the store. */
const MISSING_AT_LEAST_MS = 15 * 60_000;
const MISSING_LISTED = 5;

/** The range's parts without complete whole-account coverage, longest first. */
async function missingOf(db: Database, range: { from: number; to: number }) {
  const covered = (await readCoverage(db, [""], range)).filter((s) => s.complete);
  return gaps(range, covered)
    .filter((gap) => gap.to - gap.from >= MISSING_AT_LEAST_MS)
    .sort((a, b) => b.to - b.from - (a.to - a.from))
    .slice(0, MISSING_LISTED);
}

export function pagedThreshold(): number {
  return serverEnv().CALLBOARD_PAGED_THRESHOLD;
}

function storeFilter(
  query: CallsQuery,
): { ok: true; filter: StoreFilter } | { ok: false; reason: string } {
  if (!getCallStore()) return { ok: false, reason: "the call store is off (CALLBOARD_STORE=off)" };
  const answerable = storeFilterOf(query);
  return answerable.ok ? { ok: true, filter: answerable.filter } : answerable;
}

async function database(): Promise<Database> {
  const store = getCallStore();
  if (!store)
    throw new ApiError("store_disabled", "paged mode needs the call store (CALLBOARD_STORE=off)");
  return store.context.database();
}

/**
 * Which mode a view opens in, decided from the store's count of its range before any row
 * is loaded (the view's filters decide only whether the store can answer it at all).
 */
export async function pagedModeOf(request: Request): Promise<PagedMode> {
  const query = callsQueryOf(request);
  const threshold = pagedThreshold();
  const filter = storeFilter(query);
  if (!filter.ok)
    return { count: 0, threshold, paged: false, available: false, reason: filter.reason };
  const db = await database();
  const range: StoreFilter = { from: filter.filter.from, to: filter.filter.to };
  // the range's records, when the server holds them (paged figures read them), are its count
  const count = readyRecordsOf(db, range)?.length ?? (await countStored(db, range));
  const missing = await missingOf(db, { from: range.from, to: Math.min(range.to, Date.now()) });
  return {
    count,
    threshold,
    paged: count > threshold,
    available: true,
    ...(missing.length ? { missing } : {}),
  };
}

const COUNT_KEEP_MS = 30_000;
const counts = new Map<string, { at: number; count: Promise<number> }>();

/**
 * The view's row count, kept briefly: every page of a view asks it, and it does not
 * depend on the sort or the page (on the embedded database a count of a month takes a while).
 * While the server holds the records of the view's range (or of the range it narrows), they
 * are counted instead, as the browser filters them: no query beside the page's own.
 */
export function countOfView(paged: PagedRequest): Promise<number> {
  const held = readyRecordsOf(paged.db, paged.filter);
  if (held) {
    const range = { from: paged.query.from, to: paged.query.to };
    const options = { timeZone: paged.view.tz, range };
    return Promise.resolve(filterCallsLocally(held, paged.view.filters, options).length);
  }
  if (!hasLocalFilters(paged.view.filters)) return countStored(paged.db, paged.filter);
  const params = new URL(paged.url).searchParams;
  for (const own of ["sort", "offset", "limit", "cols", "locale", "part"]) params.delete(own);
  params.sort();
  const key = params.toString();
  const now = Date.now();
  for (const [k, v] of counts) if (now - v.at > COUNT_KEEP_MS) counts.delete(k);
  let entry = counts.get(key);
  if (!entry) {
    entry = { at: now, count: countWhere(paged.db, paged.where) };
    entry.count.catch(() => counts.delete(key));
    counts.set(key, entry);
  }
  return entry.count;
}

export interface PagedRequest {
  url: string;
  query: CallsQuery;
  view: PagedView;
  filter: StoreFilter;
  db: Database;
  where: SQL;
  order: SQL;
  fields: CallsQuery["fields"] & object;
}

/** The view of a paged request; a bad parameter is a 400 naming it. */
export async function pagedRequestOf(request: Request): Promise<PagedRequest> {
  const query = callsQueryOf(request);
  const parsed = parsePagedParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw badParameter(parsed.param, parsed.message);
  const filter = storeFilter(query);
  if (!filter.ok) {
    throw new ApiError("store_disabled", `paged mode cannot serve this view: ${filter.reason}`);
  }
  const db = await database();
  const { view } = parsed;
  const where = await pagedWhere(db, {
    base: filter.filter,
    filters: view.filters,
    timeZone: view.tz,
  });
  const order = await pagedOrderBy(db, where, view.sort, {
    t: tableTranslatorFor(view.locale),
    locale: view.locale,
  });
  return {
    url: request.url,
    query,
    view,
    filter: filter.filter,
    db,
    where,
    order,
    fields: query.fields ?? [...FIELD_NAMES],
  };
}
