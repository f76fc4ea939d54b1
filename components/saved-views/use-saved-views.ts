"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import {
  PREFERENCES_PATH,
  savedViewsSchema,
  VIEWS_PATH,
  type ChangeView,
  type CreateView,
  type SavedView,
  type SavedViews,
} from "@/lib/api/saved-views";
import { sendJson, type SendResult } from "@/lib/api/send-json";

/** The menu's views: the caller's own, others' shared ones, the default (GET /api/views). */
export const savedViewsQueryOptions = queryOptions({
  queryKey: ["saved-views"],
  queryFn: async ({ signal }): Promise<SavedViews> => {
    const response = await fetch(VIEWS_PATH, { signal, credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return savedViewsSchema.parse(await response.json());
  },
  staleTime: 30_000,
});

export interface SavedViewActions {
  create: (input: CreateView) => Promise<SendResult<{ view: SavedView }>>;
  change: (id: string, change: ChangeView) => Promise<SendResult<{ view: SavedView }>>;
  remove: (id: string) => Promise<SendResult<unknown>>;
  setDefault: (id: string | null) => Promise<SendResult<unknown>>;
}

/** The views and what changes them; every change reloads the list (others may have changed it too). */
export function useSavedViews(enabled: boolean) {
  const client = useQueryClient();
  const query = useQuery({ ...savedViewsQueryOptions, enabled });
  const after = useCallback(
    async <T>(result: SendResult<T>): Promise<SendResult<T>> => {
      await client.invalidateQueries({ queryKey: savedViewsQueryOptions.queryKey });
      return result;
    },
    [client],
  );
  const actions: SavedViewActions = {
    create: async (input) => after(await sendJson("POST", VIEWS_PATH, input)),
    change: async (id, change) =>
      after(await sendJson("PATCH", `${VIEWS_PATH}/${encodeURIComponent(id)}`, change)),
    remove: async (id) =>
      after(await sendJson("DELETE", `${VIEWS_PATH}/${encodeURIComponent(id)}`)),
    setDefault: async (id) =>
      after(await sendJson("PATCH", PREFERENCES_PATH, { defaultViewId: id })),
  };
  return { query, actions };
}

/** The current page's URL as a view would keep it (the server drops the open call and tz). */
export function currentViewUrl(): string {
  return `${window.location.pathname}${window.location.search}`;
}
