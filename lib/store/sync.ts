import "server-only";

import { and, asc, eq, lte, sql } from "drizzle-orm";

import { callCoverage } from "@/lib/db/schema/call-store";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";

import { healthyLagMs, type StoreContext } from "./context";
import { SETTLE_MS } from "./coverage";
import { fetchSpanIntoStore } from "./fetch-span";
import { at } from "./filter";
import { union, type Span } from "./spans";
import { readSyncState, updateSyncState } from "./sync-state";

/**
 * The sync: every interval, the whole account's calls of [last synced − overlap, now),
 * upserted by CallID, with the cursor moved in the same transaction as the coverage. A
 * sync that fell far behind (the server was down) catches up one day at most; the
 * backfill fills what lies between. Once an hour the sweep fetches again what the sync no
 * longer looks at but is not settled yet, so calls that appear hours late (long calls) and
 * corrections still arrive.
 */

/** The most a cycle looks back; the backfill fills anything older. */
export const MAX_CYCLE_SPAN_MS = DAY_MS;
export const SWEEP_EVERY_MS = HOUR_MS;
/** The most one sweep fetches (about one request in a busy center). */
const MAX_SWEEP_SPAN_MS = 6 * HOUR_MS;

export interface CycleOutcome {
  span: Span;
  ok: boolean;
  calls: number;
  requests: number;
  complete: boolean;
  error?: string;
}

function describe(error: unknown): string {
  return isUpstreamError(error) ? error.message : `the sync failed: ${(error as Error).message}`;
}

export async function runSyncCycle(ctx: StoreContext, signal?: AbortSignal): Promise<CycleOutcome> {
  const db = await ctx.database();
  const started = ctx.now();
  const state = await readSyncState(db);
  const from = Math.max(
    (state.syncedTo ?? started) - ctx.settings.overlapMs,
    started - MAX_CYCLE_SPAN_MS,
  );
  const span = { from, to: started };
  const t0 = performance.now();
  try {
    const result = await fetchSpanIntoStore(ctx, {
      span,
      filterKey: "",
      purpose: "sync",
      signal,
      alsoInTransaction: async (tx, fetched) => {
        await updateSyncState(tx, {
          lastCycleAt: started,
          ...(fetched.complete
            ? { syncedTo: started, lastSuccessAt: started }
            : {
                lastErrorAt: started,
                lastError: fetched.incompleteReason ?? "the sync could not fetch every call",
              }),
        });
      },
    });
    const outcome = {
      span,
      ok: result.complete,
      calls: result.calls.length,
      requests: result.upstreamRequests,
      complete: result.complete,
    };
    ctx.log.info(
      {
        purpose: "sync",
        window: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
        records: result.calls.length,
        requests: result.upstreamRequests,
        complete: result.complete,
        ms: Math.round(performance.now() - t0),
      },
      "sync cycle",
    );
    return outcome;
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = describe(error);
    await updateSyncState(db, {
      lastCycleAt: started,
      lastErrorAt: started,
      lastError: message,
    });
    ctx.log.warn(
      { purpose: "sync", ms: Math.round(performance.now() - t0), error: message },
      "sync cycle failed",
    );
    return { span, ok: false, calls: 0, requests: 0, complete: false, error: message };
  }
}

/**
 * Unsettled whole-account coverage that ended at least SETTLE_MS ago (and is not older than
 * the backfill reaches): fetched again, it settles.
 */
export async function unsettledSpans(ctx: StoreContext, now: number): Promise<Span[]> {
  const db = await ctx.database();
  const rows = await db
    .select({ from: callCoverage.fromAt, to: callCoverage.toAt })
    .from(callCoverage)
    .where(
      and(
        eq(callCoverage.filterKey, ""),
        eq(callCoverage.complete, true),
        eq(callCoverage.settled, false),
        lte(callCoverage.fromAt, new Date(now - SETTLE_MS)),
        sql`${callCoverage.toAt} > ${at(now - ctx.settings.retentionDays * DAY_MS)}`,
      ),
    )
    .orderBy(asc(callCoverage.fromAt));
  return union(
    rows.map((r) => ({ from: r.from.getTime(), to: Math.min(r.to.getTime(), now - SETTLE_MS) })),
  );
}

/** One sweep: the oldest unsettled span (up to six hours of it), fetched again. */
export async function runSweep(ctx: StoreContext, signal?: AbortSignal): Promise<boolean> {
  const now = ctx.now();
  const [oldest] = await unsettledSpans(ctx, now);
  const db = await ctx.database();
  if (!oldest) {
    await updateSyncState(db, { lastSweepAt: now });
    return false;
  }
  const span = { from: oldest.from, to: Math.min(oldest.to, oldest.from + MAX_SWEEP_SPAN_MS) };
  try {
    await fetchSpanIntoStore(ctx, {
      span,
      filterKey: "",
      purpose: "sync",
      signal,
      alsoInTransaction: (tx) => updateSyncState(tx, { lastSweepAt: now }),
    });
    return true;
  } catch (error) {
    if (signal?.aborted) throw error;
    ctx.log.warn({ purpose: "sync", error: describe(error) }, "sweep failed");
    return false;
  }
}

/** Whether the sync's edge is recent enough that what lies after it counts as covered. */
export function syncIsHealthy(ctx: StoreContext, syncedTo: number | undefined, now: number) {
  return syncedTo !== undefined && now - syncedTo <= healthyLagMs(ctx.settings);
}
