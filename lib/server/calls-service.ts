import "server-only";

import { toApiCall, type CallsResponse } from "@/lib/api-call";
import { callsQueryToSearchParams, toCdrQuery, type CallsQuery } from "@/lib/calls-query";
import { fetchCdrPage } from "@/lib/voicenter/client";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";
import type { CdrQuery } from "@/lib/voicenter/request";

import {
  createMemoryStore,
  createQueryCache,
  ttlForRange,
  type CacheSource,
  type CacheStats,
  type CacheStore,
} from "./cache";
import { fetchAllCalls, type FetchAllProgress } from "./fetch-all-calls";
import { createGovernor, type Governor, type GovernorStats } from "./governor";
import { createRecordUrlIndex } from "./record-url-index";
import { getUpstream, type UpstreamConfig } from "./upstream";

/**
 * The server's data path in one place: one governor (the upstream budget is per account, so
 * per process), one result cache with single-flight, and the RecordURLs kept server-side.
 */

export interface CallsServiceOptions {
  upstream: UpstreamConfig;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  store?: CacheStore<CallsResponse>;
  /** How long one query may take before it answers with what it has. */
  deadlineMs?: number;
  maxConcurrent?: number;
  recordUrlCapacity?: number;
}

export interface GetCallsOptions {
  /** Stops this caller waiting; a load shared with others goes on. */
  signal?: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
}

export interface LookupRecordUrlOptions {
  /** When the call happened (epoch ms), to keep the upstream search small. */
  around?: number;
  /** Ask the upstream even if a link is known (links may expire). */
  refresh?: boolean;
}

export interface CallsService {
  readonly mode: "demo" | "live";
  getCalls(
    query: CallsQuery,
    opts?: GetCallsOptions,
  ): Promise<{ response: CallsResponse; source: CacheSource }>;
  /** The call's RecordURL — for server-side use only — or undefined when it has none. */
  lookupRecordUrl(callId: string, opts?: LookupRecordUrlOptions): Promise<string | undefined>;
  /** How far a load of this query has come, while one runs (for any viewer waiting on it). */
  progressOf(query: CallsQuery): FetchAllProgress | undefined;
  stats(): { governor: GovernorStats; cache: CacheStats; recordUrls: number };
}

/** Always fetched: whether a call has a recording, and where it is (kept on the server). */
const RECORDING_FIELDS: readonly FieldName[] = ["RecordURL", "RecordExpect"];
const LOOKUP_FIELDS: FieldName[] = ["CallID", "Date", "RecordURL", "RecordExpect"];
const DAY_MS = 86_400_000;
// Inside the upstream's longest range (93 days), with room for the minute added at the end.
const LOOKUP_SPAN_MS = 92 * DAY_MS;

export function createCallsService(options: CallsServiceOptions): CallsService {
  const upstream = options.upstream;
  const now = options.now ?? Date.now;
  const deadlineMs = options.deadlineMs ?? 90_000;
  const governor: Governor = createGovernor({
    rateLimitPerMinute: upstream.rateLimitPerMinute,
    maxConcurrent: options.maxConcurrent,
    now,
    sleep: options.sleep,
  });
  const cache = createQueryCache<CallsResponse>(options.store ?? createMemoryStore({ now }));
  const recordUrls = createRecordUrlIndex(options.recordUrlCapacity);
  const lookups = new Map<string, Promise<string | undefined>>();
  const progress = new Map<string, FetchAllProgress>();

  const fetchPage = (query: CdrQuery, opts: Parameters<Governor["run"]>[1]) =>
    governor.run((signal) => fetchCdrPage(upstream, query, { signal }), opts);

  async function load(query: CallsQuery, onProgress?: GetCallsOptions["onProgress"]) {
    const fields = query.fields ?? FIELD_NAMES;
    const upstreamFields = [...new Set<FieldName>([...fields, ...RECORDING_FIELDS])];
    const result = await fetchAllCalls(
      { fetchPage, now },
      { ...toCdrQuery(query), fields: upstreamFields },
      { deadlineMs, onProgress },
    );
    for (const call of result.calls) {
      if (call.CallID && call.RecordURL) recordUrls.set(call.CallID, call.RecordURL);
    }
    const response: CallsResponse = {
      calls: result.calls.map((call) => toApiCall(call, fields)),
      total: result.total,
      complete: result.complete,
      ...(result.incompleteReason === undefined
        ? {}
        : { incompleteReason: result.incompleteReason }),
      ...(result.upstreamTotal === undefined ? {} : { upstreamTotal: result.upstreamTotal }),
      upstreamRequests: result.upstreamRequests,
      rejected: result.rejected,
      mode: upstream.mode,
      range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString() },
    };
    return response;
  }

  async function lookup(callId: string, around: number | undefined) {
    const at = now();
    const from = around === undefined ? at - LOOKUP_SPAN_MS : around - DAY_MS;
    const to = around === undefined ? at + 60_000 : Math.min(around + DAY_MS, at + 60_000);
    const page = await fetchPage(
      { from, to, callId, fields: LOOKUP_FIELDS },
      { notAfter: at + deadlineMs },
    );
    const url = page.calls.find((call) => call.CallID === callId)?.RecordURL || undefined;
    if (url) recordUrls.set(callId, url);
    return url;
  }

  return {
    mode: upstream.mode,
    async getCalls(query, opts = {}) {
      const key = callsQueryToSearchParams(query).toString();
      const { value, source } = await cache.getOrLoad(
        key,
        () =>
          load(query, (p) => {
            progress.set(key, p);
            opts.onProgress?.(p);
          }).finally(() => progress.delete(key)),
        (response) =>
          response.complete
            ? { ttlMs: ttlForRange(query.to, now()), weight: response.calls.length + 1 }
            : undefined,
        { signal: opts.signal },
      );
      return { response: value, source };
    },
    async lookupRecordUrl(callId, opts = {}) {
      if (!opts.refresh) {
        const known = recordUrls.get(callId);
        if (known) return known;
      }
      let flight = lookups.get(callId);
      if (!flight) {
        flight = lookup(callId, opts.around).finally(() => lookups.delete(callId));
        lookups.set(callId, flight);
      }
      return flight;
    },
    progressOf: (query) => progress.get(callsQueryToSearchParams(query).toString()),
    stats: () => ({
      governor: governor.stats(),
      cache: cache.stats(),
      recordUrls: recordUrls.size(),
    }),
  };
}

const SINGLETON = Symbol.for("callboard.callsService");
type WithService = typeof globalThis & { [SINGLETON]?: CallsService };

/**
 * The process-wide service, created on first use. Kept on globalThis so a dev-server reload
 * of this module does not start a second governor with a fresh (and wrong) budget.
 */
export function getCallsService(): CallsService {
  const holder = globalThis as WithService;
  holder[SINGLETON] ??= createCallsService({ upstream: getUpstream() });
  return holder[SINGLETON];
}

export function resetCallsServiceForTests(): void {
  delete (globalThis as WithService)[SINGLETON];
}
