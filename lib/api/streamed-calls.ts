import type { QueryClient, QueryKey } from "@tanstack/react-query";

import type { ApiCall, CallsResponse } from "./calls-response";
import { fetchCallsStreamed, type LoadProgress } from "./fetch-calls";
import { beginLoad } from "./load-state";

/**
 * A view's calls as the query cache holds them: the answer, or — while the rows still
 * arrive, or after Cancel stopped them — the part that came, marked so the page says so.
 */
export type CallsLoad = CallsResponse & {
  partial?: "streaming" | "cancelled";
  /** The live tail added calls up to this instant (epoch ms), past the range's first end. */
  liveTo?: number;
};

/**
 * Resolves once the browser has painted what React just committed: the frame after it, and
 * a task (a hidden tab paints no frames: then after a moment anyway).
 */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * The first repaint shows this many calls, the rest of what came follows right after it is
 * painted: grouping and the table's row model cost by the row, a screenful needs few.
 */
const FIRST_PAINT_CALLS = 500;

/** Repaints of a growing answer: the first slice at once, then less often the more there is. */
function repaintEveryMs(calls: number): number {
  return Math.max(250, calls / 40);
}

function partialLoad(
  calls: readonly ApiCall[],
  progress: LoadProgress | null,
  range: { from: string; to: string },
  partial: "streaming" | "cancelled",
): CallsLoad {
  return {
    // a new array: what groups and sorts the rows keys on it
    calls: calls.slice(),
    total: calls.length,
    complete: false,
    upstreamTotal: Math.max(calls.length, progress?.expected ?? 0),
    upstreamRequests: progress?.upstreamRequests ?? 0,
    rejected: { count: 0, reasons: [] },
    mode: "live",
    range,
    partial,
  };
}

/**
 * The query function of a view's calls: streamed, with its progress in load-state.ts, the
 * first rows written into the cache as soon as they arrive (a first load only: a refetch
 * keeps the rows on screen until the new answer is whole), and Cancel answering with the
 * part that came instead of an error.
 */
export async function loadCalls(
  search: string,
  ctx: { signal: AbortSignal; client: QueryClient; queryKey: QueryKey },
  now: () => number = () => performance.now(),
): Promise<CallsLoad> {
  const load = beginLoad(search);
  const signal = AbortSignal.any([ctx.signal, load.signal]);
  const params = new URLSearchParams(search);
  const range = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const paint = ctx.client.getQueryData(ctx.queryKey) === undefined;
  let progress: LoadProgress | null = null;
  let latest: readonly ApiCall[] = [];
  let paintedAt = -Infinity;
  try {
    return await fetchCallsStreamed(search, signal, {
      onProgress(p) {
        progress = p;
        load.progress(p);
      },
      async onCalls(calls) {
        latest = calls;
        if (!paint || now() - paintedAt < repaintEveryMs(calls.length)) return;
        const write = (some: readonly ApiCall[]) =>
          ctx.client.setQueryData(ctx.queryKey, partialLoad(some, progress, range, "streaming"));
        if (paintedAt === -Infinity && calls.length > FIRST_PAINT_CALLS) {
          // The first rows are the point of streaming: a screenful, painted before the rest
          // of the slice is shown and the rest of the answer (already in the socket's
          // buffer) is read, so that work does not fill the tasks before the frame.
          write(calls.slice(0, FIRST_PAINT_CALLS));
          await afterPaint();
        }
        paintedAt = now();
        write(calls);
      },
    });
  } catch (error) {
    if (load.cancelled() && !ctx.signal.aborted)
      return partialLoad(latest, progress, range, "cancelled");
    throw error;
  } finally {
    load.end();
  }
}
