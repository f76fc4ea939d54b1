import "server-only";

import { toApiCall, type CallsResponse } from "@/lib/api/calls-response";
import type { FetchAllProgress } from "@/lib/server/fetch-all-calls";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import type { Call } from "@/lib/voicenter/call";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";
import { addRejected, emptyRejected } from "@/lib/voicenter/response";

import type { StoreContext } from "./context";
import type { SpanLocks } from "./coordination";
import { readCoverage, type StoredCoverageSpan } from "./coverage";
import { fetchSpan, storeSpan, type FetchedSpan, type SpanFetch } from "./fetch-span";
import { storeFilterOf, upstreamQueryOf, type StoreFilter } from "./filter";
import { countRejections, readAnswerSlices } from "./query";
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
  /** Resolves once every fetched span being written is in the store. */
  settled(): Promise<void>;
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
  // fetched spans still being written: a query over them waits, then reads the store
  const writing = new Set<{ span: Span; key: string; done: Promise<void> }>();

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
  function fetchGap(
    filter: StoreFilter,
    key: string,
    gap: Span,
    opts: ServeOptions,
  ): Promise<FetchedSpan | "covered"> {
    return new Promise((resolve, reject) => {
      locks
        .withLock(`${key}|${gap.from}|${gap.to}`, async () => {
          if (gaps(gap, await covering(gap, key, ctx.now())).length === 0) {
            resolve("covered");
            return;
          }
          const { from: _from, to: _to, ...query } = upstreamQueryOf(filter, gap);
          const job: SpanFetch = {
            span: gap,
            query,
            filterKey: key,
            purpose: "interactive",
            onProgress: opts.onProgress,
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

  return {
    settled: async () => {
      await Promise.all([...writing].map((w) => w.done));
    },
    async answer(query, opts) {
      const answerable = storeFilterOf(query);
      if (!answerable.ok) return undefined;
      const { filter, key } = answerable;
      const range = { from: query.from, to: query.to };
      await afterWrites(range, key);
      const open = fewerGaps(gaps(range, await covering(range, key, ctx.now())));

      // newest first, so a long range shows its recent days even when the budget runs out
      const fetched = new Map<Span, FetchedSpan | "covered">();
      for (const gap of [...open].reverse())
        fetched.set(gap, await fetchGap(filter, key, gap, opts));

      const db = await ctx.database();
      const fields = query.fields ?? FIELD_NAMES;
      const out = createAnswerWriter();
      const rejected = emptyRejected();
      let requests = 0;
      let complete = true;
      let upstreamTotal = 0;
      const reasons: string[] = [];
      // the range in time order: covered stretches from the store, fetched gaps as they came
      for (const segment of segments(range, open)) {
        const result = segment.gap ? fetched.get(segment.gap) : "covered";
        const part: StoreFilter = { ...filter, from: segment.from, to: segment.to };
        if (result === undefined || result === "covered") {
          for await (const slice of readAnswerSlices(db, part, fields))
            out.json(slice.json, slice.count);
          addRejected(rejected, await countRejections(db, part));
          continue;
        }
        out.calls(result.calls, fields);
        addRejected(rejected, result.rejected);
        requests += result.upstreamRequests;
        if (!result.complete) {
          complete = false;
          if (result.incompleteReason) reasons.push(result.incompleteReason);
          upstreamTotal += result.upstreamTotal ?? result.calls.length;
        }
      }
      const rest: Omit<CallsResponse, "calls"> = {
        total: out.count(),
        complete,
        ...(complete
          ? {}
          : {
              incompleteReason:
                reasons.join(" ") || "Not every call of the range could be fetched.",
              upstreamTotal: Math.max(out.count(), upstreamTotal),
            }),
        upstreamRequests: requests,
        rejected,
        mode: opts.mode,
        range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString() },
      };
      return { summary: { ...rest, count: out.count() }, body: out.finish(rest), fetched: open };
    },
  };
}

/** The range cut at the gaps' edges: covered stretches and gaps, in time order. */
function segments(range: Span, open: readonly Span[]): (Span & { gap?: Span })[] {
  const out: (Span & { gap?: Span })[] = [];
  let at = range.from;
  for (const gap of [...open].sort((a, b) => a.from - b.from)) {
    if (gap.from > at) out.push({ from: at, to: gap.from });
    out.push({ from: gap.from, to: gap.to, gap });
    at = gap.to;
  }
  if (range.to > at) out.push({ from: at, to: range.to });
  return out;
}

const CALLS_PER_CHUNK = 2_000;

/** The `/api/calls` JSON as UTF-8 slices: store slices as they are, fetched calls shaped as toApiCall does. */
function createAnswerWriter() {
  const body: Uint8Array<ArrayBuffer>[] = [encoder.encode('{"calls":[')];
  let count = 0;
  const push = (json: string, n: number) => {
    if (n === 0) return;
    body.push(encoder.encode((count === 0 ? "" : ",") + json));
    count += n;
  };
  return {
    json: push,
    calls(calls: readonly Call[], fields: readonly FieldName[]) {
      for (let i = 0; i < calls.length; i += CALLS_PER_CHUNK) {
        const slice = calls.slice(i, i + CALLS_PER_CHUNK);
        push(slice.map((call) => JSON.stringify(toApiCall(call, fields))).join(","), slice.length);
      }
    },
    count: () => count,
    finish(rest: Omit<CallsResponse, "calls">) {
      body.push(encoder.encode(`],${JSON.stringify(rest).slice(1)}`));
      return body;
    },
  };
}
