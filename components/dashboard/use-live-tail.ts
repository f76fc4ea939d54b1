"use client";

import { useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

import type { ApiCall } from "@/lib/api/calls-response";
import { byDateThenId } from "@/lib/api/fetch-calls";
import { fetchWholeTail } from "@/lib/api/fetch-tail";
import type { CallsLoad } from "@/lib/api/streamed-calls";
import type { ViewRequest } from "@/lib/view-state/view-request";

/**
 * The live tail: while a range ends now and its answer is whole, the page asks the call
 * store (`/api/calls/tail`, never the upstream) for calls the sync brought, and puts them
 * into the answer at their place — so the table, the KPIs and the charts move. Off when the
 * viewer turns it off (remembered in this browser), paused while the tab is hidden; with
 * CALLBOARD_STORE=off the server says there is no store, and the toggle says so.
 */

export type LiveState =
  | "following"
  | "paused"
  | "off"
  /** The range does not end now (yesterday, an old custom range). */
  | "notNow"
  /** CALLBOARD_STORE=off: nothing to follow. */
  | "needsStore"
  /** A filter the store cannot answer (queue, campaign, scope). */
  | "unsupported";

const STORAGE_KEY = "callboard.live";
/** A custom range whose end lies at most this far back still "ends now". */
const NOW_SLACK_MS = 60_000;
const FOLLOWING_PRESETS = new Set(["today", "thisWeek", "last7Days", "thisMonth", "last30Days"]);

const wantedListeners = new Set<() => void>();
function readWanted(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== "off";
  } catch {
    return true;
  }
}
function writeWanted(on: boolean) {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "on" : "off");
  } catch {
    // private mode: the choice lasts for this page
  }
  for (const listener of wantedListeners) listener();
}
function subscribeWanted(listener: () => void) {
  wantedListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    wantedListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function useVisible(): boolean {
  return useSyncExternalStore(
    (listener) => {
      document.addEventListener("visibilitychange", listener);
      return () => document.removeEventListener("visibilitychange", listener);
    },
    () => document.visibilityState !== "hidden",
    () => true,
  );
}

function endsNow(request: ViewRequest, now: number): boolean {
  if (!request.ok) return false;
  if (request.preset) return FOLLOWING_PRESETS.has(request.preset);
  return request.query.to >= now - NOW_SLACK_MS;
}

/** The answer with the calls it lacked, each at its place (Date, then CallID). */
function merged(data: CallsLoad, fresh: readonly ApiCall[], at: number): CallsLoad | null {
  const known = new Set(data.calls.map((c) => c.CallID));
  const added = fresh.filter((c) => !known.has(c.CallID));
  if (added.length === 0) return null;
  const calls = [...data.calls, ...added].sort(byDateThenId);
  return { ...data, calls, total: calls.length, liveTo: at };
}

export function useLiveTail(
  request: ViewRequest,
  query: UseQueryResult<CallsLoad>,
  /** When the view's range was resolved (a preset's "now"). */
  anchor: number,
) {
  const client = useQueryClient();
  const wanted = useSyncExternalStore(subscribeWanted, readWanted, () => true);
  const visible = useVisible();
  const [refused, setRefused] = useState<{
    search: string;
    why: "needsStore" | "unsupported";
  } | null>(null);
  const [added, setAdded] = useState<{ ids: ReadonlySet<string>; at: number } | null>(null);
  const search = request.ok ? request.search : null;
  const following = endsNow(request, anchor);
  const refusal = refused && refused.search === search ? refused.why : null;
  const whole = query.isSuccess && !query.isFetching && !query.data.partial;
  const active = wanted && following && whole && visible && refusal === null;

  useEffect(() => {
    if (!active || search === null) return;
    const controller = new AbortController();
    const key = ["calls", search];
    let cursor = new Date(query.dataUpdatedAt).toISOString();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await fetchWholeTail(search, cursor, controller.signal).catch(() => null);
      if (!result || controller.signal.aborted) return;
      if (!result.ok) {
        if (result.code === "store_disabled") return setRefused({ search, why: "needsStore" });
        if (result.code === "filter") return setRefused({ search, why: "unsupported" });
      } else {
        cursor = result.cursor;
        const data = client.getQueryData<CallsLoad>(key);
        const next = data ? merged(data, result.calls, Date.now()) : null;
        if (next) {
          const before = new Set(data?.calls.map((c) => c.CallID));
          client.setQueryData(key, next);
          setAdded({
            ids: new Set(next.calls.map((c) => c.CallID).filter((id) => !before.has(id))),
            at: Date.now(),
          });
        }
      }
      const seconds = result.ok ? result.intervalSeconds : 60;
      timer = setTimeout(() => void ask(), Math.min(20, Math.max(5, seconds / 3)) * 1000);
    };
    void ask();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // the load's time is read once per start: later answers come from the tail itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, search, client]);

  const state: LiveState = refusal
    ? refusal
    : !following
      ? "notNow"
      : !wanted
        ? "off"
        : !visible
          ? "paused"
          : "following";
  const setWanted = useCallback((on: boolean) => writeWanted(on), []);
  return { state, wanted, setWanted, added };
}
