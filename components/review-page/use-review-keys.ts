"use client";

import { useEffect, useRef } from "react";

import { focusKindOf } from "@/components/player/player-keys";

import { reviewShortcutFor, type ReviewShortcut } from "./review-keys";

/**
 * The review queue's shortcuts on the whole page. A key the player already took (Space while
 * it has focus) is left alone; so is every key while one types in a field.
 */
export function useReviewKeys(act: (shortcut: ReviewShortcut) => void, enabled: boolean): void {
  const latest = useRef(act);
  useEffect(() => {
    latest.current = act;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat) return;
      const shortcut = reviewShortcutFor(event, focusKindOf(event.target));
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
