"use client";

import { useEffect } from "react";

/**
 * A brief highlight on the rows the live tail just added, once they are painted: the Web
 * Animations API (no style element: the CSP allows none), a fading background. With
 * prefers-reduced-motion the row is marked for the same time without any movement.
 */
const HIGHLIGHT_MS = 2_500;
const COLOR = "rgb(254 240 138 / 0.8)";

export function useRowHighlight(added: { ids: ReadonlySet<string>; at: number } | null): void {
  useEffect(() => {
    if (!added || added.ids.size === 0) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const marked: HTMLElement[] = [];
    const frame = requestAnimationFrame(() => {
      for (const row of document.querySelectorAll<HTMLElement>("[data-call-id]")) {
        if (!added.ids.has(row.dataset.callId ?? "")) continue;
        row.dataset.liveNew = "true";
        marked.push(row);
        if (!reduce) {
          row.animate([{ backgroundColor: COLOR }, { backgroundColor: "transparent" }], {
            duration: HIGHLIGHT_MS,
            easing: "ease-out",
          });
        } else {
          row.style.outline = `2px solid ${COLOR}`;
        }
      }
    });
    const timer = setTimeout(() => {
      for (const row of marked) {
        delete row.dataset.liveNew;
        row.style.outline = "";
      }
    }, HIGHLIGHT_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [added]);
}
