import type { LoadProgress } from "./fetch-calls";

/**
 * The browser's running loads of `/api/calls`, by their search: how far each has come (the
 * stream's progress events) and a way to stop it (Cancel). A small store outside the query
 * cache, so the progress bar updates without re-rendering what reads the calls, and so a
 * refetch that keeps the old rows on screen still shows its progress.
 */

/** What the page shows of a running load (a new object whenever it changes). */
export interface LoadSnapshot {
  search: string;
  progress: LoadProgress | null;
}

/** What the load itself holds. */
export interface LoadHandle {
  readonly signal: AbortSignal;
  progress(progress: LoadProgress): void;
  /** True once Cancel stopped it (not a navigation, an unmount or a newer load). */
  cancelled(): boolean;
  end(): void;
}

interface Running {
  controller: AbortController;
  cancelled: boolean;
  snapshot: LoadSnapshot;
}

const running = new Map<string, Running>();
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export function beginLoad(search: string): LoadHandle {
  running.get(search)?.controller.abort(new DOMException("superseded", "AbortError"));
  const mine: Running = {
    controller: new AbortController(),
    cancelled: false,
    snapshot: { search, progress: null },
  };
  running.set(search, mine);
  notify();
  const current = () => running.get(search) === mine;
  return {
    signal: mine.controller.signal,
    progress(progress) {
      if (!current()) return;
      mine.snapshot = { search, progress };
      notify();
    },
    cancelled: () => mine.cancelled,
    end() {
      if (!current()) return;
      running.delete(search);
      notify();
    },
  };
}

/** Stops the load of `search`: its request is aborted, and the server stops unless others wait. */
export function cancelLoad(search: string): void {
  const load = running.get(search);
  if (!load) return;
  load.cancelled = true;
  load.controller.abort(new DOMException("cancelled", "AbortError"));
}

export function subscribeLoads(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function loadSnapshot(search: string | null): LoadSnapshot | null {
  return search === null ? null : (running.get(search)?.snapshot ?? null);
}
