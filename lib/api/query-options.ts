import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { callsQueryToSearchParams, type CallsQuery } from "@/lib/view-state/calls-params-core";
import type { ViewRequest } from "@/lib/view-state/view-request";

import { CallsRequestError, fetchCalls } from "./fetch-calls";
import { loadCalls } from "./streamed-calls";

export type { LoadProgress } from "./fetch-calls";

/**
 * TanStack Query options for Callboard's own API, one function per query, so every page that
 * shows calls loads them the same way. Keys are the canonical `/api/calls` search: equal
 * views share one load (and the server's cache entry).
 */

/** The query key of a view's calls (its canonical `/api/calls` search). */
export const callsQueryKey = (search: string | null) => ["calls", search] as const;

/**
 * The calls of a view, streamed: the first rows show while the rest arrive, with progress and
 * Cancel (lib/api/streamed-calls.ts); the previous view's stay on screen until the first rows.
 */
export function callsQueryOptions(request: ViewRequest, { enabled }: { enabled: boolean }) {
  const search = request.ok ? request.search : null;
  return queryOptions({
    queryKey: callsQueryKey(search),
    queryFn: ({ signal, client, queryKey }) =>
      loadCalls(search ?? "", { signal, client, queryKey }),
    enabled: enabled && search !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    // Tens of thousands of calls: deep-comparing each answer with the last costs more than it saves.
    structuralSharing: false,
    retry: (count, error) =>
      error instanceof CallsRequestError && error.code === "upstream_rate_limited" && count < 3,
    retryDelay: (count) => 5_000 * 2 ** count,
  });
}

/** One call with every field (the list holds only the shown columns'), within the listed range. */
export function callQueryOptions(
  callId: string,
  range: Pick<CallsQuery, "from" | "to"> | null,
  { enabled }: { enabled: boolean },
) {
  const search = range ? callsQueryToSearchParams({ ...range, callId }).toString() : null;
  return queryOptions({
    queryKey: ["call", search],
    queryFn: ({ signal }) => fetchCalls(search ?? "", signal),
    enabled: enabled && search !== null,
    staleTime: Infinity,
  });
}
