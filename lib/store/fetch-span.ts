import "server-only";

import type { Database } from "@/lib/db/database";
import type { UpstreamPurpose } from "@/lib/server/budget-ledger";
import {
  fetchAllCalls,
  type FetchAllProgress,
  type FetchAllResult,
} from "@/lib/server/fetch-all-calls";
import type { Call } from "@/lib/voicenter/call";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import type { CdrQuery } from "@/lib/voicenter/request";

import type { StoreContext } from "./context";
import { finishFetch } from "./coverage";
import type { Span } from "./spans";
import { rejectionRows, upsertCalls, upsertRejections } from "./write";

/**
 * One span fetched from the upstream into the store: every field of every call (so the
 * store can answer any later question about them), upserted, then the span recorded as
 * covered for its filter — as the sync, the sweep, the on-demand fetches and "re-sync this
 * range" all do.
 */

export interface SpanFetch {
  span: Span;
  /** The upstream filters of the fetch (none: the whole account). */
  query?: Omit<CdrQuery, "from" | "to" | "fields" | "sort">;
  /** The coverage key of those filters ('' for none). */
  filterKey: string;
  purpose: UpstreamPurpose;
  /** Who it is fetched for, for the governor's fair share (lib/server/caller-key.ts). */
  owner?: string;
  signal?: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
  /** The calls of each page not seen before, as they arrive. */
  onCalls?: (calls: Call[]) => void;
  /** Written in the transaction that records the coverage (the sync's cursor). */
  alsoInTransaction?: (tx: Database, result: FetchAllResult) => Promise<void>;
}

export type FetchedSpan = FetchAllResult & { fetchedAt: number };

/** The upstream part: every field of every call of the span, through the governor. */
export async function fetchSpan(ctx: StoreContext, job: SpanFetch): Promise<FetchedSpan> {
  const fetchedAt = ctx.now();
  const fetchPage = ctx.requester.forPurpose(job.purpose);
  const { owner } = job;
  const result = await fetchAllCalls(
    {
      fetchPage:
        owner === undefined ? fetchPage : (page, opts) => fetchPage(page, { ...opts, owner }),
      now: () => ctx.now(),
    },
    { ...job.query, from: job.span.from, to: job.span.to, fields: [...FIELD_NAMES] },
    {
      deadlineMs: ctx.settings.deadlineMs,
      onProgress: job.onProgress,
      onCalls: job.onCalls,
      signal: job.signal,
    },
  );
  return { ...result, fetchedAt };
}

/** The store part: the calls upserted, then the span recorded as covered (one transaction). */
export async function storeSpan(
  ctx: StoreContext,
  job: SpanFetch,
  result: FetchedSpan,
): Promise<void> {
  const { fetchedAt } = result;
  const db = await ctx.database();
  await upsertCalls(db, result.calls, fetchedAt);
  await upsertRejections(db, rejectionRows(result.rejectedRecords, job.span.from), fetchedAt);
  await finishFetch(db, {
    filterKey: job.filterKey,
    span: job.span,
    fetchedAt,
    complete: result.complete,
    replace: job.filterKey === "",
    alsoInTransaction: job.alsoInTransaction
      ? (tx) => job.alsoInTransaction?.(tx, result) ?? Promise.resolve()
      : undefined,
  });
}

export async function fetchSpanIntoStore(ctx: StoreContext, job: SpanFetch): Promise<FetchedSpan> {
  const result = await fetchSpan(ctx, job);
  await storeSpan(ctx, job, result);
  return result;
}
