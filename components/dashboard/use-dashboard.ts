"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useEffect, useMemo, useSyncExternalStore } from "react";

import { pagedModeQueryOptions, usePagedMode } from "@/components/paged/use-paged-mode";
import { useMounted, useViewState } from "@/components/view-state/use-view-state";
import type { ApiCall } from "@/lib/api/calls-response";
import { cancelLoad, loadSnapshot, subscribeLoads } from "@/lib/api/load-state";
import { callsQueryKey, callsQueryOptions } from "@/lib/api/query-options";
import type { LocalFilters } from "@/lib/view-state/local-filter";
import {
  beyondBrowserRange,
  buildViewRequest,
  withinBrowserRange,
  type ViewRequest,
} from "@/lib/view-state/view-request";

import { useLiveTail } from "./use-live-tail";
import { useRowHighlight } from "./use-row-highlight";
import { useViewEngine } from "./use-view-engine";

const EMPTY: readonly ApiCall[] = [];
const NO_REQUEST: ViewRequest = { ok: false, param: "from", message: "" };

/**
 * What every dashboard page (calls, agents, queues) reads: the URL's view, the one
 * `/api/calls` load of it (shared by the pages through the query cache, so moving between
 * them fetches nothing), its conversations filtered as the URL says, and — with `compare` —
 * the same for the previous period.
 */
export function useDashboard(defaultTimeZone: string, options: { paged?: boolean } = {}) {
  const mounted = useMounted();
  const state = useViewState(defaultTimeZone);
  const { view, timeZone, anchor, fields, normalizePhone } = state;
  // A page without paged mode holds every call: it opens the ranges the browser can hold.
  // The Calls page opens longer ones only when paged mode can serve them.
  const paged = options.paged === true;
  const long = beyondBrowserRange(state.request);
  const modeAnswer = useQuery(
    pagedModeQueryOptions(state.request.ok ? state.request.search : null, mounted && paged),
  ).data;
  const request = useMemo(() => {
    if (!paged) return withinBrowserRange(state.request);
    if (long && modeAnswer && !modeAnswer.available)
      return withinBrowserRange(
        state.request,
        `longer ranges need the call store: ${modeAnswer.reason ?? "it cannot serve this view"}`,
      );
    return state.request;
  }, [paged, long, modeAnswer, state.request]);
  const engine = useViewEngine();
  // "Compare with the previous period": the same filters over the period just before.
  const previousRequest = useMemo(() => {
    if (!view.compare || !request.ok || !engine) return null;
    const earlier = engine.previousPeriod(request.query, { timeZone, preset: request.preset });
    return buildViewRequest(
      {
        ...view,
        range: null,
        from: new Date(earlier.from).toISOString(),
        to: new Date(earlier.to).toISOString(),
      },
      { now: anchor, timeZone, fields, normalizePhone },
    );
  }, [view, request, engine, anchor, timeZone, fields, normalizePhone]);

  // Beyond the threshold (lib/paged/) the page asks the server page by page instead. The
  // calls are asked at once, beside the mode question, not after it: a view within the
  // threshold (nearly every one) would otherwise wait a round trip and a count of the store
  // before its first byte. A view that turns out paged stops its load (the server stops
  // with it, bench/apply-paint.ts measures the difference).
  const mode = usePagedMode(request, { enabled: mounted && paged });
  // a long range waits for the mode: it is nearly always paged, and loading it whole costs
  const query = useQuery(
    callsQueryOptions(request, {
      enabled: mounted && mode !== "paged" && !(long && mode === "pending"),
    }),
  );
  const client = useQueryClient();
  const search = request.ok ? request.search : null;
  const pagedSearch = mode === "paged" ? search : null;
  useEffect(() => {
    if (pagedSearch !== null)
      void client.cancelQueries({ queryKey: callsQueryKey(pagedSearch), exact: true });
  }, [client, pagedSearch]);
  const previousQuery = useQuery(
    callsQueryOptions(previousRequest ?? NO_REQUEST, {
      enabled: mounted && previousRequest !== null,
    }),
  );
  // the stream's progress (lib/api/load-state.ts): it replaces polling /api/calls/progress
  const running = useSyncExternalStore(
    subscribeLoads,
    () => loadSnapshot(search),
    () => null,
  );
  const cancel = useCallback(() => {
    if (search !== null) cancelLoad(search);
  }, [search]);
  const streaming = query.data?.partial === "streaming";

  const live = useLiveTail(request, query, anchor);
  useRowHighlight(live.added);

  const calls = query.data?.calls ?? EMPTY;
  const liveTo = query.data?.liveTo ?? 0;
  const range = useMemo(
    () =>
      request.ok ? { from: request.query.from, to: Math.max(request.query.to, liveTo) } : null,
    [request, liveTo],
  );
  const previousRange = useMemo(
    () =>
      previousRequest?.ok
        ? { from: previousRequest.query.from, to: previousRequest.query.to }
        : null,
    [previousRequest],
  );
  const { status, minDur, maxDur, agent, queueName, when } = view;
  const statusKey = status?.join(",");
  const whenKey = when ? `${when.weekday}-${when.hour}` : "";
  const filters = useMemo<LocalFilters>(
    () => ({ status, minDur, maxDur, agent, queueName, when }),
    // Keyed on content: the URL's arrays and objects are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [statusKey, minDur, maxDur, agent, queueName, whenKey],
  );

  const records = view.rows === "records";
  // Every record: the records paint first, grouping (for the KPIs) follows in a deferred
  // pass. Conversations: the table needs the grouping, so it runs at once.
  const deferredCalls = useDeferredValue(calls, EMPTY);
  const groupingInput = records ? deferredCalls : calls;
  const conversations = useMemo(
    () => engine?.deriveConversations(groupingInput, filters, { timeZone, range }) ?? null,
    [engine, groupingInput, filters, timeZone, range],
  );
  const shownRecords = useMemo(
    () => (records && engine ? engine.deriveRecords(calls, filters, { timeZone, range }) : null),
    [records, engine, calls, filters, timeZone, range],
  );
  const previousCalls = previousQuery.data?.calls;
  const previous = useMemo(
    () =>
      engine && previousCalls && previousRange
        ? engine.deriveConversations(previousCalls, filters, { timeZone, range: previousRange })
            .shown
        : null,
    [engine, previousCalls, filters, timeZone, previousRange],
  );

  const pending = !request.ok && request.pending === true;
  // while rows still arrive the table shows them; the figures wait for the whole answer
  const loading =
    !mounted ||
    pending ||
    mode === "pending" ||
    (request.ok && mode !== "paged" && query.isPending) ||
    engine === null ||
    streaming;
  return {
    ...state,
    request,
    mode,
    engine,
    query,
    calls,
    range,
    previousRange,
    filters,
    /** Null until grouped; `stale` while the KPIs still show the previous answer's. */
    conversations,
    conversationsStale: groupingInput !== calls,
    shownRecords,
    previous,
    previousRequest,
    loading,
    /** The running load's progress (null when none runs, or before its first event). */
    progress: query.isFetching ? (running?.progress ?? null) : null,
    /** A load is running (a first one, a refetch, or the next view's behind the last one's rows). */
    fetching: query.isFetching,
    /** Stops the running load: the part that came stays, marked as not all of the range. */
    cancel,
    /** The live tail: its state and the viewer's switch (use-live-tail.ts). */
    live,
  };
}

export type Dashboard = ReturnType<typeof useDashboard>;
