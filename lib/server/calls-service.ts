import "server-only";

import { getCallStore, getUpstreamAccess } from "@/lib/store/process";
import type { StoreStreamItem } from "@/lib/store/serve";
import {
  callsQueryToSearchParams,
  toCdrQuery,
  type CallsQuery,
} from "@/lib/view-state/calls-params";
import type { Call } from "@/lib/voicenter/call";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";

import {
  createMemoryStore,
  createQueryCache,
  ttlForRange,
  type CacheSource,
  type CacheStats,
  type CacheStore,
} from "./cache";
import { writeAnswer, type CallsAnswer } from "./calls-answer";
import type { Line } from "./calls-answer";
import { streamCallsAnswer, type CallsStreamDeps } from "./calls-stream-answer";
import { fetchAllCalls, type FetchAllProgress } from "./fetch-all-calls";
import { createGovernor, type GovernorStats } from "./governor";
import { serverLogger } from "./log";
import { createRecordUrlIndex } from "./record-url-index";
import { createRecordUrlLookup, type LookupRecordUrlOptions } from "./record-url-lookup";
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
      opts: {
        signal?: AbortSignal;
        onProgress?: (p: FetchAllProgress) => void;
        mode: "demo" | "live";
        owner?: string;
      },
    ): Promise<CallsAnswer | undefined>;
    stream?(
      query: CallsQuery,
      opts: { signal?: AbortSignal; mode: "demo" | "live"; owner?: string },
    ): AsyncIterable<StoreStreamItem> | undefined;
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

export type { CallsAnswer, LookupRecordUrlOptions };

/** What a load tells those waiting on it, as it goes. */
export type LoadEvent =
  { kind: "progress"; progress: FetchAllProgress } | { kind: "calls"; calls: readonly Call[] };

export interface CallsService {
  readonly mode: "demo" | "live";
  getCalls(
    query: CallsQuery,
    opts?: GetCallsOptions,
  ): Promise<{ answer: CallsAnswer; source: CacheSource }>;
  /** The call's RecordURL — for server-side use only — or undefined when it has none. */
  lookupRecordUrl(callId: string, opts?: LookupRecordUrlOptions): Promise<string | undefined>;
  /**
   * The answer as NDJSON lines (lib/api/calls-stream.ts): progress, the calls as they are
   * read or fetched, then a summary. Ends early when `signal` aborts; the load stops then
   * unless others wait on it. Errors are thrown to the caller (who writes the error line).
   */
  streamCalls(query: CallsQuery, opts?: GetCallsOptions): AsyncGenerator<Line>;
  /** How far a load of this query has come, while one runs (for any viewer waiting on it). */
  progressOf(query: CallsQuery): FetchAllProgress | undefined;
  stats(): { governor: GovernorStats; cache: CacheStats; recordUrls: number };
}

/** Always fetched: whether a call has a recording, and where it is (kept on the server). */
const RECORDING_FIELDS: readonly FieldName[] = ["RecordURL", "RecordExpect"];

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
  const cache = createQueryCache<CallsAnswer, LoadEvent>(
    options.store ?? createMemoryStore({ now }),
  );
  const recordUrls = createRecordUrlIndex(options.recordUrlCapacity);
  const progress = new Map<string, FetchAllProgress>();

  const fetchPage = requester.forPurpose("interactive");
  const lookupRecordUrl = createRecordUrlLookup({
    fetchPage,
    recordUrls,
    stored: (callId) => callStore?.recordUrl(callId) ?? Promise.resolve(undefined),
    deadlineMs,
    lookupsPerMinute: options.lookupsPerMinute,
    now,
  });

  /** From the store, or undefined to go upstream (it cannot answer, or cannot be read). */
  async function fromStore(
    query: CallsQuery,
    owner: string | undefined,
    signal: AbortSignal,
    onProgress: (p: FetchAllProgress) => void,
  ) {
    if (!callStore) return undefined;
    try {
      return await callStore.server.answer(query, {
        signal,
        onProgress,
        mode: upstream.mode,
        owner,
      });
    } catch (error) {
      if (isUpstreamError(error) || signal.aborted) throw error;
      serverLogger().warn(
        { error: error instanceof Error ? error.message : String(error) },
        "the call store could not answer; asking the upstream",
      );
      return undefined;
    }
  }

  async function load(
    query: CallsQuery,
    owner: string | undefined,
    signal: AbortSignal,
    emit: (event: LoadEvent) => void,
  ): Promise<CallsAnswer> {
    const onProgress = (p: FetchAllProgress) => emit({ kind: "progress", progress: p });
    const stored = await fromStore(query, owner, signal, onProgress);
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
      { deadlineMs, signal, onProgress, onCalls: (calls) => emit({ kind: "calls", calls }) },
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
    return { summary, body: writeAnswer(result.calls, fields, rest) };
  }

  const keyOf = (query: CallsQuery) => callsQueryToSearchParams(query).toString();

  async function getCalls(
    query: CallsQuery,
    opts: GetCallsOptions = {},
    onEvent?: (event: LoadEvent) => void,
  ): Promise<{ answer: CallsAnswer; source: CacheSource }> {
    const key = keyOf(query);
    const { value, source } = await cache.getOrLoad(
      key,
      (signal, emit) =>
        load(query, opts.owner, signal, (event) => {
          if (event.kind === "progress") progress.set(key, event.progress);
          emit(event);
        }).finally(() => progress.delete(key)),
      (answer) =>
        answer.summary.complete
          ? {
              // the store changes under settled ranges only by a re-sync: keep briefly
              ttlMs: ttlForRange(query.to, now(), callStore ? { settledTtlMs: 5 * 60_000 } : {}),
              weight: answer.summary.count + 1,
            }
          : undefined,
      {
        signal: opts.signal,
        onEvent: (event) => {
          if (event.kind === "progress") opts.onProgress?.(event.progress);
          onEvent?.(event);
        },
      },
    );
    return { answer: value, source };
  }

  const streamDeps: CallsStreamDeps = {
    mode: upstream.mode,
    cached: (query) => cache.peek(keyOf(query)),
    fromStore: (query, { signal, owner }) =>
      callStore?.server.stream?.(query, { signal, owner, mode: upstream.mode }),
    load: (query, opts, onEvent) => getCalls(query, opts, onEvent),
  };

  return {
    mode: upstream.mode,
    getCalls,
    streamCalls: (query, opts = {}) => streamCallsAnswer(streamDeps, query, opts),
    lookupRecordUrl,
    progressOf: (query) => progress.get(keyOf(query)),
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
  holder[SINGLETON] ??= createCallsService({
    upstream: getUpstream(),
    requester: getUpstreamAccess().requester,
    callStore: getCallStore(),
  });
  return holder[SINGLETON];
}
