"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import type { ApiCall } from "@/lib/api/calls-response";

import { PAGE_SIZE, pagedPageQueryOptions } from "./paged-queries";

/** Pages fetched beyond the rows on screen, each way. */
const MARGIN_PAGES = 1;

export interface PagedRows {
  /** Rows of the whole view (the scrollbar's length); undefined until the first page. */
  total: number | undefined;
  /** The loaded rows near the screen, in the view's order. */
  calls: readonly ApiCall[];
  /** A row's place in the whole view, by its place in `calls`. */
  indexOf: readonly number[];
  /** The rows on screen changed (virtualizer indexes). */
  onRange: (first: number, last: number) => void;
  fetching: boolean;
  error: Error | null;
}

/**
 * The paged table's rows: the pages under the screen and one each side, fetched as the
 * user scrolls; pages scrolled away leave the cache, so the browser holds what it shows.
 */
export function usePagedRows(search: string): PagedRows {
  const [range, setRange] = useState({ first: 0, last: PAGE_SIZE - 1 });
  const firstPage = Math.max(0, Math.floor(range.first / PAGE_SIZE) - MARGIN_PAGES);
  const lastPage = Math.floor(range.last / PAGE_SIZE) + MARGIN_PAGES;
  const pages = useMemo(() => {
    const out: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) out.push(p);
    return out;
  }, [firstPage, lastPage]);
  const results = useQueries({
    queries: pages.map((page) => pagedPageQueryOptions(search, page)),
  });
  // While a new sort or filter loads, the previous rows stay (placeholders), as in full mode.
  const answered = results.find((r) => r.data)?.data?.total;
  // While the pages under a new scroll position load, the last count holds the scrollbar
  // (a count of 0 would shrink the list and throw the scroll position back to the top).
  const [known, setKnown] = useState<{ search: string; total: number } | null>(null);
  if (answered !== undefined && (known?.search !== search || known.total !== answered)) {
    setKnown({ search, total: answered });
  }
  const total = answered ?? (known?.search === search ? known.total : undefined);
  const loaded = results.map((r) => r.data);
  const key = results
    .map((r) => `${r.dataUpdatedAt}:${r.isPlaceholderData ? "p" : ""}:${r.data?.offset ?? "-"}`)
    .join(",");
  const { calls, indexOf } = useMemo(() => {
    const calls: ApiCall[] = [];
    const indexOf: number[] = [];
    const seen = new Set<number>();
    for (const page of loaded) {
      // a slot still showing its neighbour's page (placeholder) adds nothing twice
      if (!page || seen.has(page.offset)) continue;
      seen.add(page.offset);
      page.calls.forEach((call, i) => {
        calls.push(call);
        indexOf.push(page.offset + i);
      });
    }
    return { calls, indexOf };
    // keyed on the pages' content (the results array is new on every render)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, search]);
  const onRange = useMemo(
    () => (first: number, last: number) =>
      setRange((r) => (r.first === first && r.last === last ? r : { first, last })),
    [],
  );
  return {
    total,
    calls,
    indexOf,
    onRange,
    fetching: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
