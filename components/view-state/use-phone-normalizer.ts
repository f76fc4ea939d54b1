"use client";

import { useSyncExternalStore } from "react";

import type { PhoneNormalizer } from "@/lib/view-state/calls-params-core";

// libphonenumber (~30 KB) loads only for a view with phones in its URL.
let normalizer: PhoneNormalizer | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  loading ??= import("@/lib/voicenter/phone").then(
    (module) => {
      normalizer = module.normalizePhone;
      for (const notify of listeners) notify();
    },
    () => {
      loading = null; // a failed chunk load is tried again by the next view that needs it
    },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The phone normalizer once loaded (starting the load when `needed`); null before. */
export function usePhoneNormalizer(needed: boolean): PhoneNormalizer | null {
  if (needed && typeof window !== "undefined") load();
  return useSyncExternalStore(
    subscribe,
    () => normalizer,
    () => null,
  );
}
