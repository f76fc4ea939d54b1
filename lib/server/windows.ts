import { SECOND_MS } from "@/lib/time/units";
import { parseUpstreamDate } from "@/lib/voicenter/dates";

import { cutsByProfile, type HourlyProfile } from "./hourly-profile";
import { floorToSecond, secondsIn, type TimeWindow } from "./time-window";

/**
 * Pure planning for complete results: how to cut a time range into upstream requests and
 * what to do when a request comes back capped. No I/O here; fetch-all-calls.ts acts on it.
 */

/** Windows that must fit in one page aim below the 10,000 cap, for denser-than-average ones. */
export const DEFAULT_TARGET_PER_WINDOW = 8000;

/** Cuts a window into `parts` windows of (almost) equal length that share boundary seconds. */
export function splitEvenly(window: TimeWindow, parts: number): TimeWindow[] {
  const seconds = secondsIn(window);
  const n = Math.max(1, Math.min(Math.floor(parts), seconds));
  if (n === 1) return [window];
  const out: TimeWindow[] = [];
  let from = window.from;
  for (let i = 1; i <= n; i++) {
    const to = i === n ? window.to : window.from + Math.round(((seconds - 1) * i) / n) * SECOND_MS;
    out.push({ from, to });
    from = to;
  }
  return out;
}

/**
 * A window cut into consecutive windows of at most `maxMs` each that share no second (each
 * is asked as a range of its own, and their counts add up); the window itself when it fits.
 */
export function consecutiveSpans(window: TimeWindow, maxMs: number): TimeWindow[] {
  if (window.to - window.from < maxMs) return [window];
  const step = Math.max(SECOND_MS, Math.floor(maxMs / SECOND_MS) * SECOND_MS);
  const out: TimeWindow[] = [];
  for (let from = window.from; from <= window.to; from += step) {
    out.push({ from, to: Math.min(window.to, from + step - SECOND_MS) });
  }
  return out;
}

export interface PlanOptions {
  /** Calls one window should hold: the page size for a chain, less when it must fit at once. */
  perWindow: number;
  /** At most this many windows (the lanes free to fetch them in parallel). */
  maxWindows?: number;
  /** Cut by expected calls rather than by time. */
  profile?: HourlyProfile;
}

/**
 * Windows for a range expected to hold `expectedCalls`: as few as the page size allows,
 * since the request budget is shared by every user, and at most as many as can run in
 * parallel. A window that then overflows is continued from its last date (see judgePage).
 */
export function planWindows(
  window: TimeWindow,
  expectedCalls: number,
  opts: PlanOptions,
): TimeWindow[] {
  const wanted = Math.ceil(expectedCalls / Math.max(1, opts.perWindow));
  const parts = Math.max(1, Math.min(wanted, opts.maxWindows ?? wanted, secondsIn(window)));
  if (parts === 1 || !opts.profile) return splitEvenly(window, parts);
  const cuts = cutsByProfile(window, parts, opts.profile);
  if (cuts.length === 0) return splitEvenly(window, parts);
  const bounds = [window.from, ...cuts, window.to];
  return bounds.slice(1).map((to, i) => ({ from: bounds[i] ?? window.from, to }));
}

/** What came back for one window, as much as the planner needs to judge it. */
export interface PageSummary {
  totalHits: number;
  /** Dates of the readable records, in the order received. */
  dates: readonly (string | undefined)[];
  /** Records received but unreadable (they count towards what came back). */
  rejectedCount: number;
}

export type PageVerdict =
  /** Everything in the window came back. */
  | { kind: "complete" }
  /** Capped, sorted by date: keep the records, fetch the rest from the last date on. */
  | { kind: "continue"; rest: TimeWindow; expectedCalls: number }
  /** Capped and not sorted by date: the records say nothing about what is missing. */
  | { kind: "bisect"; parts: TimeWindow[] }
  /** One second holds at least a whole page: some of its calls cannot be fetched. */
  | { kind: "dense-second"; second: number; rest?: TimeWindow; expectedCalls: number }
  /** Capped but nothing to go on (no readable record came back). */
  | { kind: "stuck"; reason: string };

/**
 * Judges one page against its window. A capped page sorted by Date ascending is continued
 * from its last date (inclusive: that second may hold more calls than came back); an unsorted
 * one is split by time and fetched again; a second that alone fills a page is given up.
 */
export function judgePage(
  window: TimeWindow,
  page: PageSummary,
  targetPerWindow = DEFAULT_TARGET_PER_WINDOW,
): PageVerdict {
  const received = page.dates.length + page.rejectedCount;
  if (page.totalHits <= received) return { kind: "complete" };

  const times: number[] = [];
  for (const date of page.dates) {
    const ms = date === undefined ? undefined : parseUpstreamDate(date);
    if (ms !== undefined) times.push(floorToSecond(ms));
  }
  if (times.length === 0) {
    return {
      kind: "stuck",
      reason: `the upstream reported ${page.totalHits} calls but sent ${received === 0 ? "none" : "none readable"}`,
    };
  }

  const inWindow = times.every((t) => t >= window.from && t <= window.to);
  const ascending = times.every((t, i) => i === 0 || t >= (times[i - 1] ?? t));
  const single = window.from === window.to;
  if (!inWindow || !ascending) {
    if (single) return denseSecond(window, page.totalHits - received);
    const parts = Math.max(2, Math.ceil(page.totalHits / targetPerWindow));
    return { kind: "bisect", parts: splitEvenly(window, parts) };
  }

  const last = times[times.length - 1] ?? window.from;
  if (last === window.from) return denseSecond(window, page.totalHits - received);
  const before = times.filter((t) => t < last).length;
  return {
    kind: "continue",
    rest: { from: last, to: window.to },
    expectedCalls: Math.max(1, page.totalHits - before - page.rejectedCount),
  };
}

function denseSecond(window: TimeWindow, missing: number): PageVerdict {
  const second = window.from;
  const rest = window.to > second ? { from: second + SECOND_MS, to: window.to } : undefined;
  return { kind: "dense-second", second, rest, expectedCalls: Math.max(1, missing) };
}
