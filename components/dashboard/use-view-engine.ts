"use client";

import { useSyncExternalStore } from "react";

import type * as ViewData from "@/lib/dashboard/view-data";

type Engine = typeof ViewData;

// Grouping, local filters and their figures stay out of the pages' first-load JavaScript:
// fetched once after hydration, while the calls load.
let engine: Engine | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  loading ??= import("@/lib/dashboard/view-data").then(
    (module) => {
      engine = module;
      for (const notify of listeners) notify();
    },
    () => {
      loading = null; // a failed chunk load is tried again by the next subscriber
    },
  );
  return () => listeners.delete(listener);
}

/** The view-data module once loaded; null before (and on the server). */
export function useViewEngine(): Engine | null {
  return useSyncExternalStore(
    subscribe,
    () => engine,
    () => null,
  );
}
