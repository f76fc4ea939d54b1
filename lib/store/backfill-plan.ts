import { floorToSecond, upstreamWindow } from "@/lib/server/time-window";
import { splitEvenly } from "@/lib/server/windows";
import { SECOND_MS } from "@/lib/time/units";
import { parseUpstreamDate } from "@/lib/voicenter/dates";
import { MAX_REQUEST_SPAN_MS } from "@/lib/voicenter/request";

import type { Span } from "./spans";

/**
 * The backfill's planning, pure: it asks for the newest uncovered span in the largest window
 * the upstream accepts, sorted newest first, so that a page capped at 10,000 records still
 * covers a span completely — from its oldest second (exclusive) to the window's end — and
 * the next request continues below it. Nearly every request returns a full page.
 */

/** Inside the longest range one upstream request may ask about (lib/voicenter/request.ts). */
export const MAX_WINDOW_MS = MAX_REQUEST_SPAN_MS;

/** The newest part of a gap that one request may ask for. */
export function nextWindow(gap: Span): Span {
  return { from: Math.max(gap.from, gap.to - MAX_WINDOW_MS), to: gap.to };
}

export type DescendingVerdict =
  /** The page holds every call of the window. */
  | { kind: "complete"; covered: Span }
  /** Capped: `covered` is complete; `rest` (older) is still to fetch. */
  | { kind: "continue"; covered: Span; rest: Span }
  /** One second holds a whole page: it cannot be fetched completely (what is newer can). */
  | { kind: "dense-second"; second: Span; covered?: Span; rest?: Span }
  /** Capped and not sorted newest first: split by what TOTAL_HITS says. */
  | { kind: "split"; parts: Span[] }
  | { kind: "stuck"; reason: string };

export interface PageFacts {
  totalHits: number;
  dates: readonly (string | undefined)[];
  rejectedCount: number;
}

/** Judges a page fetched for `window` ([from, to), ms) with sort Date descending. */
export function judgeDescendingPage(
  window: Span,
  page: PageFacts,
  targetPerWindow = 8_000,
): DescendingVerdict {
  const received = page.dates.length + page.rejectedCount;
  if (page.totalHits <= received) return { kind: "complete", covered: window };
  const seconds: number[] = [];
  for (const date of page.dates) {
    const ms = date === undefined ? undefined : parseUpstreamDate(date);
    if (ms !== undefined) seconds.push(floorToSecond(ms));
  }
  if (seconds.length === 0) {
    return {
      kind: "stuck",
      reason: `the upstream reported ${page.totalHits} calls but sent none readable`,
    };
  }
  const inWindow = seconds.every((s) => s >= window.from && s < window.to);
  const descending = seconds.every((s, i) => i === 0 || s <= (seconds[i - 1] ?? s));
  if (!inWindow || !descending) {
    const whole = upstreamWindow(window.from, window.to);
    if (!whole || whole.from === whole.to) return denseSecond(window, whole?.from ?? window.from);
    const parts = Math.max(2, Math.ceil(page.totalHits / targetPerWindow));
    return {
      kind: "split",
      parts: splitEvenly(whole, parts).map((w, i, all) => ({
        from: i === 0 ? window.from : w.from,
        to: i === all.length - 1 ? window.to : w.to,
      })),
    };
  }
  const oldest = seconds[seconds.length - 1] ?? window.from;
  const newest = seconds[0] ?? oldest;
  // the oldest second may hold more calls than came back: it is fetched again with the rest
  if (oldest === newest) return denseSecond(window, oldest);
  const covered = { from: oldest + SECOND_MS, to: window.to };
  const rest = { from: window.from, to: oldest + SECOND_MS };
  return rest.to > rest.from ? { kind: "continue", covered, rest } : { kind: "complete", covered };
}

function denseSecond(window: Span, second: number): DescendingVerdict {
  const verdict: DescendingVerdict = {
    kind: "dense-second",
    second: { from: second, to: second + SECOND_MS },
  };
  if (second + SECOND_MS < window.to) verdict.covered = { from: second + SECOND_MS, to: window.to };
  if (second > window.from) verdict.rest = { from: window.from, to: second };
  return verdict;
}
