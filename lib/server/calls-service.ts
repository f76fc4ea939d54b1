import "server-only";

import { toApiCall, type CallsResponse } from "@/lib/api/calls-response";
import { getCallStore, getUpstreamAccess } from "@/lib/store/process";
import { DAY_MS } from "@/lib/time/units";
import {
  callsQueryToSearchParams,
  toCdrQuery,
  type CallsQuery,
} from "@/lib/view-state/calls-params";
import type { Call } from "@/lib/voicenter/call";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";

import { ApiError } from "./api-error";
import {
  createMemoryStore,
  createQueryCache,
  ttlForRange,
  type CacheSource,
  type CacheStats,
  type CacheStore,
} from "./cache";
import { createCallerLimiter } from "./caller-limit";
import { fetchAllCalls, type FetchAllProgress } from "./fetch-all-calls";
import { createGovernor, type GovernorStats } from "./governor";
import { serverLogger } from "./log";
import { createRecordUrlIndex } from "./record-url-index";
import { getUpstream, type UpstreamConfig } from "./upstream";
import { createUpstreamRequester, type UpstreamRequester } from "./upstream-requests";

/**
 * The server's data path in one place: one governor (the upstream budget is per account, so
 * per process — and shared with other instances through its ledger), one result cache with
 * single-flight, and the RecordURLs kept server-side. With the call store, queries it can
 * answer are answered from it (lib/store/serve.ts), and what the upstream sends for the
 * others is kept in it.
 */

/** The call store as the service uses it (lib/store/runtime.ts). */
export interface CallsStorePort {
  server: {
    answer(
      query: CallsQuery,
      opts: { onProgress?: (p: FetchAllProgress) => void; mode: "demo" | "live" },
    ): Promise<Omit<CallsAnswer, never> | undefined>;
  };
  remember(calls: readonly Call[], fetchedAt: number): Promise<void>;
  recordUrl(callId: string): Promise<string | undefined>;
}

export interface CallsServiceOptions {
  upstream: UpstreamConfig;
  /** The process's upstream requests (governor, log); default: a governor of its own. */
  requester?: UpstreamRequester;
  /** The call store; absent (CALLBOARD_STORE=off), the service is a pure proxy. */
  callStore?: CallsStorePort;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  store?: CacheStore<CallsAnswer>;
  /** How long one query may take before it answers with what it has (long enough to ride out a burst of error 1). */
  deadlineMs?: number;
  /** Upstream look-ups of calls Callboard does not know, per caller per minute. */
  lookupsPerMinute?: number;
  maxConcurrent?: number;
  recordUrlCapacity?: number;
}

export interface GetCallsOptions {
  /** Stops this caller waiting; a load shared with others goes on. */
  signal?: AbortSignal;
  /** Who asks (lib/server/caller-key.ts): the governor's fair share charges a new load to them. */
  owner?: string;
  onProgress?: (progress: FetchAllProgress) => void;
}

export interface LookupRecordUrlOptions {
  /** When the call happened (epoch ms), to keep the upstream search small. */
  around?: number;
  /** Ask the upstream even if a link is known (links may expire). */
  refresh?: boolean;
  /**
   * Who asks (lib/server/caller-key.ts). An upstream look-up spends the shared budget, so
   * each caller may start only `lookupsPerMinute` of them; beyond, 429 recording_lookup_limited.
   */
  owner?: string;
}

/**
 * One query's answer as it is cached and served: the JSON written once, as UTF-8 bytes
 * (a hit is neither re-serialized nor re-encoded, and no call objects stay in memory).
 */
export interface CallsAnswer {
  /** The response without its calls: counts, completeness, mode, range. */
  summary: Omit<CallsResponse, "calls"> & { count: number };
  /** The JSON, in UTF-8 slices (never copied into one buffer: that would double the peak). */
  body: readonly Uint8Array<ArrayBuffer>[];
}

export interface CallsService {
  readonly mode: "demo" | "live";
  getCalls(
    query: CallsQuery,
    opts?: GetCallsOptions,
  ): Promise<{ answer: CallsAnswer; source: CacheSource }>;
  /** The call's RecordURL — for server-side use only — or undefined when it has none. */
  lookupRecordUrl(callId: string, opts?: LookupRecordUrlOptions): Promise<string | undefined>;
  /** How far a load of this query has come, while one runs (for any viewer waiting on it). */
  progressOf(query: CallsQuery): FetchAllProgress | undefined;
  stats(): { governor: GovernorStats; cache: CacheStats; recordUrls: number };
}

/** Always fetched: whether a call has a recording, and where it is (kept on the server). */
const RECORDING_FIELDS: readonly FieldName[] = ["RecordURL", "RecordExpect"];
const LOOKUP_FIELDS: FieldName[] = ["CallID", "Date", "RecordURL", "RecordExpect"];
const encoder = new TextEncoder();
const CALLS_PER_CHUNK = 2_000;

/**
 * The `/api/calls` JSON, written a slice of calls at a time: 100,000 calls never exist as
 * browser-shaped objects or as one giant string at once, only as the final bytes.
 */
function writeResponse(
  calls: readonly Call[],
  fields: readonly FieldName[],
  rest: Omit<CallsResponse, "calls">,
): Uint8Array<ArrayBuffer>[] {
  const chunks = [encoder.encode('{"calls":[')];
  for (let i = 0; i < calls.length; i += CALLS_PER_CHUNK) {
    const slice = calls
      .slice(i, i + CALLS_PER_CHUNK)
      .map((call) => JSON.stringify(toApiCall(call, fields)));
    chunks.push(encoder.encode((i === 0 ? "" : ",") + slice.join(",")));
  }
  chunks.push(encoder.encode(`],${JSON.stringify(rest).slice(1)}`));
  return chunks;
}

/** A fresh stream over an answer's bytes (the slices are shared, never transferred). */
export function answerStream(answer: CallsAnswer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of answer.body) controller.enqueue(chunk);
      controller.close();
    },
  });
}
// Inside the upstream's longest range (93 days), with room for the minute added at the end.
const LOOKUP_SPAN_MS = 92 * DAY_MS;

export function createCallsService(options: CallsServiceOptions): CallsService {
  const upstream = options.upstream;
  const now = options.now ?? Date.now;
  // 5 + 10 + 20 + 40 + 60 s of back-off (a burst of five error-1 answers) fit, with room.
  const deadlineMs = options.deadlineMs ?? 180_000;
  const requester =
    options.requester ??
    createUpstreamRequester({
      upstream,
      governor: createGovernor({
        rateLimitPerMinute: upstream.rateLimitPerMinute,
        maxConcurrent: options.maxConcurrent,
        now,
        sleep: options.sleep,
      }),
      logger: serverLogger(),
      now,
    });
  const governor = requester.governor;
  const callStore = options.callStore;
  const cache = createQueryCache<CallsAnswer>(options.store ?? createMemoryStore({ now }));
  const recordUrls = createRecordUrlIndex(options.recordUrlCapacity);
  const lookups = new Map<string, Promise<string | undefined>>();
  const progress = new Map<string, FetchAllProgress>();

  const lookupLimiter = createCallerLimiter({ limit: options.lookupsPerMinute ?? 10, now });

  const fetchPage = requester.forPurpose("interactive");

  /** From the store, or undefined to go upstream (it cannot answer, or cannot be read). */
  async function fromStore(query: CallsQuery, onProgress?: GetCallsOptions["onProgress"]) {
    if (!callStore) return undefined;
    try {
      return await callStore.server.answer(query, { onProgress, mode: upstream.mode });
    } catch (error) {
      if (isUpstreamError(error)) throw error;
      serverLogger().warn(
        { error: error instanceof Error ? error.message : String(error) },
        "the call store could not answer; asking the upstream",
      );
      return undefined;
    }
  }

  async function load(
    query: CallsQuery,
    onProgress: GetCallsOptions["onProgress"],
    owner: string | undefined,
  ) {
    const stored = await fromStore(query, onProgress);
    if (stored) return { summary: stored.summary, body: stored.body };
    const fields = query.fields ?? FIELD_NAMES;
    // what the store keeps must be whole records
    const upstreamFields = callStore
      ? [...FIELD_NAMES]
      : [...new Set<FieldName>([...fields, ...RECORDING_FIELDS])];
    const fetchedAt = now();
    const result = await fetchAllCalls(
      { fetchPage: (page, opts) => fetchPage(page, { ...opts, owner }), now },
      { ...toCdrQuery(query), fields: upstreamFields },
      { deadlineMs, onProgress },
    );
    if (callStore) {
      await callStore.remember(result.calls, fetchedAt).catch((error: unknown) => {
        serverLogger().warn({ error: String(error) }, "could not keep fetched calls in the store");
      });
    }
    for (const call of result.calls) {
      if (call.CallID && call.RecordURL) recordUrls.set(call.CallID, call.RecordURL);
    }
    const summary: CallsAnswer["summary"] = {
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
      count: result.calls.length,
    };
    const { count: _count, ...rest } = summary;
    const answer: CallsAnswer = { summary, body: writeResponse(result.calls, fields, rest) };
    return answer;
  }

  async function storedRecordUrl(callId: string): Promise<string | undefined> {
    return callStore?.recordUrl(callId).catch(() => undefined);
  }

  async function lookup(callId: string, around: number | undefined, owner: string | undefined) {
    const at = now();
    const from = around === undefined ? at - LOOKUP_SPAN_MS : around - DAY_MS;
    const to = around === undefined ? at + 60_000 : Math.min(around + DAY_MS, at + 60_000);
    const page = await fetchPage(
      { from, to, callId, fields: LOOKUP_FIELDS },
      { notAfter: at + deadlineMs, owner },
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
          load(
            query,
            (p) => {
              progress.set(key, p);
              opts.onProgress?.(p);
            },
            opts.owner,
          ).finally(() => progress.delete(key)),
        (answer) =>
          answer.summary.complete
            ? {
                // the store changes under settled ranges only by a re-sync: keep briefly
                ttlMs: ttlForRange(query.to, now(), callStore ? { settledTtlMs: 5 * 60_000 } : {}),
                weight: answer.summary.count + 1,
              }
            : undefined,
        { signal: opts.signal },
      );
      return { answer: value, source };
    },
    async lookupRecordUrl(callId, opts = {}) {
      if (!opts.refresh) {
        const known = recordUrls.get(callId) ?? (await storedRecordUrl(callId));
        if (known) return known;
      }
      let flight = lookups.get(callId);
      if (!flight) {
        const allowed = lookupLimiter.take(opts.owner ?? "");
        if (!allowed.ok) throw lookupLimited(allowed.retryAfterMs);
        flight = lookup(callId, opts.around, opts.owner).finally(() => lookups.delete(callId));
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

function lookupLimited(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(
    "recording_lookup_limited",
    `too many look-ups of calls Callboard has not loaded (each asks Voicenter); load the calls' list first, or try again in ${seconds} s`,
    { headers: { "retry-after": String(seconds) } },
  );
}

const SINGLETON = Symbol.for("callboard.callsService");
type WithService = typeof globalThis & { [SINGLETON]?: CallsService };

/**
 * The process-wide service, created on first use. Kept on globalThis so a dev-server reload
 * of this module does not start a second governor with a fresh (and wrong) budget.
 */
export function getCallsService(): CallsService {
  const holder = globalThis as WithService;
  holder[SINGLETON] ??= createCallsService({
    upstream: getUpstream(),
    requester: getUpstreamAccess().requester,
    callStore: getCallStore(),
  });
  return holder[SINGLETON];
}
