"use client";

import { useQuery } from "@tanstack/react-query";

import type { ViewRequest } from "@/lib/view-state/view-request";

import { pagedModeQueryOptions } from "./paged-queries";

export type DashboardMode = "full" | "paged" | "pending";

/**
 * Which mode the view opens in, from the store's count before any row is loaded: beyond
 * the server's threshold the table pages from the server. When paged mode is not available
 * (CALLBOARD_STORE=off, filters the store cannot answer) or the question fails, the view
 * loads every call as before.
 */
export function usePagedMode(
  request: ViewRequest,
  { enabled }: { enabled: boolean },
): DashboardMode {
  const search = request.ok ? request.search : null;
  const mode = useQuery(pagedModeQueryOptions(search, enabled));
  if (!enabled || search === null) return "full";
  if (mode.isPending) return "pending";
  return mode.data?.available && mode.data.paged ? "paged" : "full";
}

export { pagedModeQueryOptions };
