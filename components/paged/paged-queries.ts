import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import type { ApiCall } from "@/lib/api/calls-response";
import { ApiErrorCode } from "@/lib/api/error-codes";
import { CallsRequestError } from "@/lib/api/fetch-calls";
import {
  pagedChartsSchema,
  pagedConversationsSchema,
  pagedModeSchema,
  pagedPageSchema,
} from "@/lib/api/paged-response";

/**
 * The paged routes' queries (views beyond the threshold): keyed on the `/api/calls` search
 * plus the paged parameters (lib/paged/view-params.ts), answers parsed before use.
 */

/** Rows per page request; the table keeps the pages on screen and one each side. */
export const PAGE_SIZE = 200;

async function getJson<T>(
  url: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  signal: AbortSignal,
): Promise<T> {
  const response = await fetch(url, { signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const code = ApiErrorCode.safeParse(error?.code);
    throw new CallsRequestError(
      code.success ? code.data : "internal_error",
      error?.message ?? `HTTP ${response.status}`,
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`unexpected answer from ${url.split("?")[0]}`);
  return parsed.data;
}

/**
 * What of a view's `/api/calls` search its mode depends on: the range, and the filters that
 * decide whether the store can answer (queue and campaign ids, the scope). The upstream
 * filters that only narrow (numbers, extensions, types, one call) and the fields do not
 * change it, so narrowing a paged view asks nothing before its pages.
 */
export function modeSearchOf(search: string): string {
  const params = new URLSearchParams(search);
  for (const narrowing of ["phone", "ext", "type", "callId", "fields"]) params.delete(narrowing);
  return params.toString();
}

export function pagedModeQueryOptions(search: string | null, enabled: boolean) {
  const modeSearch = search === null ? null : modeSearchOf(search);
  return queryOptions({
    queryKey: ["calls-mode", modeSearch],
    queryFn: ({ signal }) =>
      getJson(`/api/calls/mode?${modeSearch ?? ""}`, pagedModeSchema, signal),
    enabled: enabled && search !== null,
    staleTime: 60_000,
    retry: false,
  });
}

export function pagedPageQueryOptions(search: string, page: number) {
  return queryOptions({
    queryKey: ["calls-page", search, page],
    queryFn: async ({ signal }) => {
      const answer = await getJson(
        `/api/calls/page?${search}&offset=${page * PAGE_SIZE}&limit=${PAGE_SIZE}`,
        pagedPageSchema,
        signal,
      );
      return { ...answer, calls: answer.calls as unknown as ApiCall[] };
    },
    staleTime: 60_000,
    // Pages scrolled away are dropped soon: the browser holds what it shows, plus a margin.
    gcTime: 5_000,
    placeholderData: keepPreviousData,
  });
}

export function pagedChartsQueryOptions(search: string) {
  return queryOptions({
    queryKey: ["calls-figures", "charts", search],
    queryFn: ({ signal }) =>
      getJson(`/api/calls/figures?${search}&part=charts`, pagedChartsSchema, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function pagedConversationsQueryOptions(search: string) {
  return queryOptions({
    queryKey: ["calls-figures", "conversations", search],
    queryFn: ({ signal }) =>
      getJson(`/api/calls/figures?${search}&part=conversations`, pagedConversationsSchema, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
