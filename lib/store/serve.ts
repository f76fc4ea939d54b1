import "server-only";

import type { CallsResponse } from "@/lib/api/calls-response";
import type { FetchAllProgress } from "@/lib/server/fetch-all-calls";
import { createSharedFlights } from "@/lib/server/shared-flights";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import type { Call } from "@/lib/voicenter/call";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

import { createAnswerWriter, createTotals, fewerGaps, segments } from "./answer-writer";
import type { StoreContext } from "./context";
import type { SpanLocks } from "./coordination";
import { readCoverage, type StoredCoverageSpan } from "./coverage";
import { fetchSpan, storeSpan, type FetchedSpan, type SpanFetch } from "./fetch-span";
import { storeFilterOf, upstreamQueryOf, type StoreFilter } from "./filter";
import { countRejections, readAnswerSlices } from "./query";
import { streamFromStore } from "./serve-stream";
import { gaps, type Span } from "./spans";
import { syncIsHealthy } from "./sync";
import { readSyncState } from "./sync-state";

/**
 * `/api/calls` from the store: the spans the store covers are read from it (filters and
 * order in SQL); the others are fetched from the upstream as before — with the query's own
 * filters, so they cost what they cost before — and answered from what came back while it
 * is written into the store behind the answer. One span is fetched once across instances:
 * the others wait for its write, then read it from the store.
 */

export interface StoreAnswer {
  summary: Omit<CallsResponse, "calls"> & { count: number };
  body: Uint8Array<ArrayBuffer>[];
  /** Spans that were fetched from the upstream for this answer. */
  fetched: Span[];
}

export interface ServeOptions {
  /** Stops this caller waiting; a fetch others share goes on (shared-flights.ts). */
  signal?: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
  mode: "demo" | "live";
  /** Who asks: a gap fetched for them is charged to them in the governor's fair share. */
  owner?: string;
}

/** A streamed answer, piece by piece (serve-stream.ts). */
export type StoreStreamItem =
  | { kind: "progress"; progress: FetchAllProgress }
  /** Comma-separated `/api/calls` objects, as the database wrote them. */
  | { kind: "json"; json: string; count: number }
  /** Calls as the upstream sent them, for a gap being fetched. */
  | { kind: "calls"; calls: readonly Call[] }
  | { kind: "summary"; summary: Omit<CallsResponse, "calls"> };

/** Unsettled coverage counts this long without a healthy sync (which refreshes it). */
const UNSETTLED_FRESH_MS = 60_000;
const SYNC_STATE_TTL_MS = 5_000;

export interface StoreServer {
  /** The answer, or undefined when the store cannot answer the query's filters. */
  answer(query: CallsQuery, opts: ServeOptions): Promise<StoreAnswer | undefined>;
  /**
   * The answer as it is read, never held whole: slices of stored calls, the calls of gaps as
   * their pages arrive, progress, and a summary last. Undefined when the store cannot answer.
   */
  stream(query: CallsQuery, opts: ServeOptions): AsyncIterable<StoreStreamItem> | undefined;
  /** Resolves once every fetched span being written is in the store. */
  settled(): Promise<void>;
}

export type GapEvent =
  { kind: "progress"; progress: FetchAllProgress } | { kind: "calls"; calls: readonly Call[] };

export interface GapFetchOptions {
  signal?: AbortSignal;
  /** Who asks; a fetch others join stays charged to whoever started it. */
  owner?: string;
  onEvent?: (event: GapEvent) => void;
}

/** What serving needs of the store, for both answers (the plain one and the streamed one). */
export interface ServePlan {
  filter: StoreFilter;
  key: string;
  range: Span;
  /** The gaps to fetch from the upstream, in time order. */
  open: Span[];
}

export interface StoreServing {
  plan(query: CallsQuery): Promise<ServePlan | undefined>;
  fetchGap(plan: ServePlan, gap: Span, opts: GapFetchOptions): Promise<FetchedSpan | "covered">;
}

export function createStoreServer(ctx: StoreContext, locks: SpanLocks): StoreServer {
  let syncState: { at: number; syncedTo?: number } | undefined;
  // fetched spans still being written: a query over them waits, then reads the store
  const writing = new Set<{ span: Span; key: string; done: Promise<void> }>();
  // one fetch per gap in this process, stopped when nobody waits for it any more
  const gapFlights = createSharedFlights<FetchedSpan | "covered", GapEvent>();

  async function afterWrites(range: Span, key: string): Promise<void> {
    const overlapping = [...writing].filter(
      (w) => (w.key === "" || w.key === key) && w.span.from < range.to && w.span.to > range.from,
    );
    await Promise.all(overlapping.map((w) => w.done));
  }

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

  /**
   * A gap fetched under its lock. Resolves with the calls as soon as they are here (the
   * write continues, still holding the lock), or with "covered" when another request or
   * instance fetched it while this one waited.
   */
  function fetchGapLocked(
    filter: StoreFilter,
    key: string,
    gap: Span,
    signal: AbortSignal,
    emit: (event: GapEvent) => void,
    owner: string | undefined,
  ): Promise<FetchedSpan | "covered"> {
    return new Promise((resolve, reject) => {
      locks
        .withLock(`${key}|${gap.from}|${gap.to}`, async () => {
          if (gaps(gap, await covering(gap, key, ctx.now())).length === 0) {
            resolve("covered");
            return;
          }
          signal.throwIfAborted();
          const { from: _from, to: _to, ...query } = upstreamQueryOf(filter, gap);
          const job: SpanFetch = {
            span: gap,
            query,
            filterKey: key,
            purpose: "interactive",
            owner,
            signal,
            onProgress: (progress) => emit({ kind: "progress", progress }),
            onCalls: (calls) => emit({ kind: "calls", calls }),
          };
          let fetched: FetchedSpan;
          try {
            fetched = await fetchSpan(ctx, job);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          const entry = {
            span: gap,
            key,
            done: storeSpan(ctx, job, fetched).catch((error: unknown) =>
              ctx.log.warn({ error: String(error) }, "could not keep fetched calls in the store"),
            ),
          };
          writing.add(entry);
          resolve(fetched);
          await entry.done;
          writing.delete(entry);
        })
        .catch((error: unknown) =>
          reject(error instanceof Error ? error : new Error(String(error))),
        );
    });
  }

  const serving: StoreServing = {
    async plan(query) {
      const answerable = storeFilterOf(query);
      if (!answerable.ok) return undefined;
      const { filter, key } = answerable;
      const range = { from: query.from, to: query.to };
      await afterWrites(range, key);
      const open = fewerGaps(gaps(range, await covering(range, key, ctx.now())));
      return { filter, key, range, open };
    },
    fetchGap(plan, gap, opts) {
      const flightKey = `${plan.key}|${gap.from}|${gap.to}`;
      return gapFlights.join(
        flightKey,
        (signal, emit) => fetchGapLocked(plan.filter, plan.key, gap, signal, emit, opts.owner),
        opts,
      ).result;
    },
  };

  return {
    settled: async () => {
      await Promise.all([...writing].map((w) => w.done));
    },
    stream(query, opts) {
      if (!storeFilterOf(query).ok) return undefined;
      return streamFromStore(ctx, serving, query, opts);
    },
    async answer(query, opts) {
      const plan = await serving.plan(query);
      if (!plan) return undefined;
      const { filter, open, range } = plan;
      const onEvent = (event: GapEvent) => {
        if (event.kind === "progress") opts.onProgress?.(event.progress);
      };
      // newest first, so a long range shows its recent days even when the budget runs out
      const fetched = new Map<Span, FetchedSpan | "covered">();
      for (const gap of [...open].reverse())
        fetched.set(
          gap,
          await serving.fetchGap(plan, gap, { signal: opts.signal, owner: opts.owner, onEvent }),
        );

      const db = await ctx.database();
      const fields = query.fields ?? FIELD_NAMES;
      const out = createAnswerWriter();
      const totals = createTotals();
      // the range in time order: covered stretches from the store, fetched gaps as they came
      for (const segment of segments(range, open)) {
        const result = segment.gap ? fetched.get(segment.gap) : "covered";
        const part: StoreFilter = { ...filter, from: segment.from, to: segment.to };
        if (result === undefined || result === "covered") {
          // a small first slice: a cached answer streamed later shows its first rows sooner
          for await (const slice of readAnswerSlices(db, part, fields, 5_000, 1_000))
            out.json(slice.json, slice.count);
          totals.stored(await countRejections(db, part));
          continue;
        }
        out.calls(result.calls, fields);
        totals.fetched(result);
      }
      const rest = totals.summary(out.count(), query, opts.mode);
      return { summary: { ...rest, count: out.count() }, body: out.finish(rest), fetched: open };
    },
  };
}
