import "server-only";

import type { CallsResponse } from "@/lib/api/calls-response";
import type { FetchAllProgress } from "@/lib/server/fetch-all-calls";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import { addRejected, emptyRejected } from "@/lib/voicenter/response";

import type { StoreContext } from "./context";
import type { SpanLocks } from "./coordination";
import { readCoverage, type StoredCoverageSpan } from "./coverage";
import { fetchSpanIntoStore } from "./fetch-span";
import { storeFilterOf, upstreamQueryOf, type StoreFilter } from "./filter";
import { countRejections, readAnswerSlices } from "./query";
import { gaps, type Span } from "./spans";
import { syncIsHealthy } from "./sync";
import { readSyncState } from "./sync-state";

/**
 * `/api/calls` from the store: the spans the store covers are read from it (filters and
 * order in SQL); the others are fetched from the upstream as before — with the query's own
 * filters, so they cost what they cost before — stored, and then read from the store too.
 * One span is fetched once across instances (the others wait, then read).
 */

export interface StoreAnswer {
  summary: Omit<CallsResponse, "calls"> & { count: number };
  body: Uint8Array<ArrayBuffer>[];
  /** Spans that were fetched from the upstream for this answer. */
  fetched: Span[];
}

export interface ServeOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
  mode: "demo" | "live";
}

/** Unsettled coverage counts this long without a healthy sync (which refreshes it). */
const UNSETTLED_FRESH_MS = 60_000;
const SYNC_STATE_TTL_MS = 5_000;
const encoder = new TextEncoder();

export interface StoreServer {
  /** The answer, or undefined when the store cannot answer the query's filters. */
  answer(query: CallsQuery, opts: ServeOptions): Promise<StoreAnswer | undefined>;
}

/**
 * Many small holes (a dense second here, a failed window there) are fetched as one span:
 * the requests depend on the calls, not on how many pieces they are asked in.
 */
function fewerGaps(open: Span[]): Span[] {
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length <= 3 || !first || !last) return open;
  return [{ from: first.from, to: last.to }];
}

export function createStoreServer(ctx: StoreContext, locks: SpanLocks): StoreServer {
  let syncState: { at: number; syncedTo?: number } | undefined;

  async function syncedTo(now: number): Promise<number | undefined> {
    if (!syncState || now - syncState.at > SYNC_STATE_TTL_MS) {
      const state = await readSyncState(await ctx.database());
      syncState = { at: now, syncedTo: state.syncedTo };
    }
    return syncState.syncedTo;
  }

  /** The parts of a range that are covered now (for this filter or the whole account). */
  async function covering(range: Span, key: string, now: number): Promise<Span[]> {
    const keys = key === "" ? [""] : ["", key];
    const spans = await readCoverage(await ctx.database(), keys, range);
    const edge = await syncedTo(now);
    const healthy = syncIsHealthy(ctx, edge, now);
    const usable = (s: StoredCoverageSpan) =>
      s.complete &&
      (s.settled || (s.filterKey === "" && healthy) || s.fetchedAt >= now - UNSETTLED_FRESH_MS);
    const out: Span[] = spans.filter(usable);
    // what the sync will bring within an interval counts as covered while it keeps up
    if (healthy && edge !== undefined && edge < range.to) out.push({ from: edge, to: now });
    // no call has started after now
    if (range.to > now) out.push({ from: now, to: range.to });
    return out;
  }

  async function fetchGap(
    filter: StoreFilter,
    key: string,
    gap: Span,
    opts: ServeOptions,
  ): Promise<{ requests: number; complete: boolean; reason?: string; upstreamTotal?: number }> {
    return locks.withLock(`${key}|${gap.from}|${gap.to}`, async () => {
      // another instance (or request) may have fetched it while we waited
      const now = ctx.now();
      if (gaps(gap, await covering(gap, key, now)).length === 0)
        return { requests: 0, complete: true };
      const { from: _from, to: _to, ...query } = upstreamQueryOf(filter, gap);
      const result = await fetchSpanIntoStore(ctx, {
        span: gap,
        query,
        filterKey: key,
        purpose: "interactive",
        signal: opts.signal,
        onProgress: opts.onProgress,
      });
      return {
        requests: result.upstreamRequests,
        complete: result.complete,
        reason: result.incompleteReason,
        upstreamTotal: result.upstreamTotal,
      };
    });
  }

  return {
    async answer(query, opts) {
      const answerable = storeFilterOf(query);
      if (!answerable.ok) return undefined;
      const { filter, key } = answerable;
      const range = { from: query.from, to: query.to };
      const open = fewerGaps(gaps(range, await covering(range, key, ctx.now())));

      let requests = 0;
      const reasons: string[] = [];
      let complete = true;
      let upstreamTotal = 0;
      // newest first, so a long range shows its recent days even when the budget runs out
      for (const gap of [...open].reverse()) {
        const fetched = await fetchGap(filter, key, gap, opts);
        requests += fetched.requests;
        if (!fetched.complete) {
          complete = false;
          if (fetched.reason) reasons.push(fetched.reason);
          upstreamTotal += fetched.upstreamTotal ?? 0;
        }
      }

      const db = await ctx.database();
      const fields = query.fields ?? FIELD_NAMES;
      const body: Uint8Array<ArrayBuffer>[] = [encoder.encode('{"calls":[')];
      let count = 0;
      for await (const slice of readAnswerSlices(db, filter, fields)) {
        body.push(encoder.encode((count === 0 ? "" : ",") + slice.json));
        count += slice.count;
      }
      const rejected = emptyRejected();
      addRejected(rejected, await countRejections(db, filter));
      const rest: Omit<CallsResponse, "calls"> = {
        total: count,
        complete,
        ...(complete
          ? {}
          : {
              incompleteReason:
                reasons.join(" ") || "Not every call of the range could be fetched.",
              upstreamTotal: Math.max(count, upstreamTotal),
            }),
        upstreamRequests: requests,
        rejected,
        mode: opts.mode,
        range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString() },
      };
      body.push(encoder.encode(`],${JSON.stringify(rest).slice(1)}`));
      return { summary: { ...rest, count }, body, fetched: open };
    },
  };
}
