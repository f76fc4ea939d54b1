import "server-only";

import type { Call } from "@/lib/voicenter/call";
import type { CdrPage } from "@/lib/voicenter/cdr-api";
import { UpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { toIsoUtc } from "@/lib/voicenter/dates";
import {
  MAX_RECORDS_PER_REQUEST,
  MAX_REQUEST_SPAN_MS,
  type CdrQuery,
} from "@/lib/voicenter/request";
import { addRejected, emptyRejected, type RejectedRecord } from "@/lib/voicenter/response";

import type { FetchAllDeps, FetchAllOptions, FetchAllResult } from "./fetch-all-types";
import { createProfileBuilder } from "./hourly-profile";
import { describeFailure, incompleteReason } from "./incomplete-reason";
import { upstreamWindow, type TimeWindow } from "./time-window";
import {
  consecutiveSpans,
  DEFAULT_TARGET_PER_WINDOW,
  judgePage,
  planWindows,
  type PageVerdict,
} from "./windows";

/**
 * Complete results: every call of a range, although one upstream request returns at most
 * 10,000. Asks once for the whole range (a range longer than one request may ask about: for
 * each of its consecutive spans), sorted by Date ascending. If that was capped, the
 * rest is cut into a few lanes (as many as run in parallel, cut by the hourly spread of the
 * calls seen so far), and each lane continues from its last date until it is exhausted, so
 * nearly every request returns a full page. Calls are merged by CallID and sorted by Date.
 */

export type {
  FetchAllDeps,
  FetchAllOptions,
  FetchAllProgress,
  FetchAllResult,
  PageRequestOptions,
} from "./fetch-all-types";

const DATE_ASCENDING = [{ field: "Date", order: "asc" }] as const satisfies CdrQuery["sort"];

/**
 * Every call of `query` (its range read as half-open, [from, to)). Errors of the first
 * request are thrown; later failures, the deadline, or calls the upstream cannot return
 * give `complete: false` with a reason, and what was fetched.
 */
export async function fetchAllCalls(
  deps: FetchAllDeps,
  query: CdrQuery,
  opts: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const target = deps.targetPerWindow ?? DEFAULT_TARGET_PER_WINDOW;
  const lanes = Math.max(1, deps.lanes ?? 4);
  const maxWindows = deps.maxWindows ?? 500;
  /** Records per full page: the documented cap until a capped page shows the real one. */
  let pageSize = MAX_RECORDS_PER_REQUEST;
  const started = deps.now();
  const notAfter = opts.deadlineMs === undefined ? undefined : started + opts.deadlineMs;
  const deadline = opts.deadlineMs === undefined ? undefined : AbortSignal.timeout(opts.deadlineMs);
  const signals = [opts.signal, deadline].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;

  const byId = new Map<string, Call>();
  const rejected = emptyRejected();
  const rejectedByPrint = new Map<string, RejectedRecord>();
  const problems: string[] = [];
  let requests = 0;
  let windowsPlanned = 0;
  let windowsDone = 0;
  let expected = 0;
  let active = 0;
  const spread = createProfileBuilder();

  const whole = upstreamWindow(query.from, query.to);
  if (!whole)
    return {
      calls: [],
      total: 0,
      complete: true,
      upstreamRequests: 0,
      rejected,
      rejectedRecords: [],
      windows: 0,
    };

  // One request asks about MAX_REQUEST_SPAN_MS at most: a longer range (a year, from the
  // store's backfill or a view beyond it) is asked as consecutive spans, each as a range.
  const spans = consecutiveSpans(whole, MAX_REQUEST_SPAN_MS);

  const report = () =>
    opts.onProgress?.({
      loaded: byId.size,
      expected,
      windowsDone,
      windowsPlanned,
      upstreamRequests: requests,
    });

  async function fetchWindow(window: TimeWindow): Promise<CdrPage> {
    try {
      return await deps.fetchPage(
        { ...query, from: window.from, to: window.to, sort: [...DATE_ASCENDING] },
        { signal, notAfter, onAttempt: () => void requests++ },
      );
    } catch (error) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (deadline?.aborted) {
        const seconds = Math.round((opts.deadlineMs ?? 0) / 1000);
        throw new UpstreamError(
          "timeout",
          `stopped waiting for the Voicenter API after ${seconds} s`,
        );
      }
      throw error;
    }
  }

  /** Keeps what a page brought and returns the windows still to fetch. */
  function absorb(window: TimeWindow, page: CdrPage): TimeWindow[] {
    const dates = page.calls.map((c) => c.Date);
    const received = page.calls.length + page.rejected.count;
    const verdict = judgePage(
      window,
      { totalHits: page.totalHits, dates, rejectedCount: page.rejected.count },
      target,
    );
    if (verdict.kind === "bisect") return verdict.parts;
    const fresh: Call[] = [];
    for (const call of page.calls) {
      if (!call.CallID) continue;
      if (opts.onCalls && !byId.has(call.CallID)) fresh.push(call);
      byId.set(call.CallID, call);
    }
    if (fresh.length > 0) opts.onCalls?.(fresh);
    addRejected(rejected, page.rejected);
    for (const record of page.rejectedRecords ?? [])
      rejectedByPrint.set(record.fingerprint, record);
    if (page.totalHits > received && received > 0) pageSize = received;
    learn(window, verdict, dates);
    // This window's lane is free again; the rest may spread over every idle lane. A lane
    // that is already running is split again only if each part gets two pages or more,
    // since each split costs about one part-filled request more.
    const plan = (rest: TimeWindow, expectedCalls: number) =>
      planWindows(rest, expectedCalls, {
        perWindow: spans.includes(window) ? pageSize : 2 * pageSize,
        maxWindows: Math.max(1, lanes - active + 1),
        profile: spread.profile(),
      });
    switch (verdict.kind) {
      case "complete":
        return [];
      case "continue":
        return plan(verdict.rest, verdict.expectedCalls);
      case "dense-second":
        problems.push(
          `the second ${toIsoUtc(verdict.second)} alone fills a whole upstream page (${received} calls); the upstream cannot return more of it`,
        );
        return verdict.rest ? plan(verdict.rest, verdict.expectedCalls) : [];
      case "stuck":
        problems.push(verdict.reason);
        return [];
    }
  }

  /** The span a sorted page covers completely: all of it, or up to its last second. */
  function learn(window: TimeWindow, verdict: PageVerdict, dates: (string | undefined)[]) {
    const times = dates
      .map((d) => (d === undefined ? NaN : Date.parse(d)))
      .filter((t) => !Number.isNaN(t));
    if (verdict.kind === "complete") spread.add(times, window);
    if (verdict.kind === "continue" && verdict.rest.from > window.from) {
      const last = verdict.rest.from;
      spread.add(
        times.filter((t) => t < last),
        { from: window.from, to: last - 1000 },
      );
    }
  }

  function schedule(windows: TimeWindow[]): TimeWindow[] {
    const room = Math.max(0, maxWindows - windowsPlanned);
    if (windows.length > room) {
      problems.push(`the range needed more than ${maxWindows} upstream requests`);
    }
    const accepted = windows.slice(0, room);
    windowsPlanned += accepted.length;
    return accepted;
  }

  async function run(window: TimeWindow): Promise<void> {
    let page: CdrPage | undefined;
    try {
      page = await fetchWindow(window);
    } catch (error) {
      if (opts.signal?.aborted) throw error;
      problems.push(describeFailure(error));
    }
    // a span of a long range: its count adds to what the range holds
    if (page && spans.includes(window)) expected += page.totalHits;
    const next = page ? schedule(absorb(window, page)) : [];
    active += next.length - 1;
    windowsDone++;
    report();
    await Promise.all(next.map(run));
  }

  // The first answer decides everything else; its errors (wrong code, untrusted IP, range
  // refused, budget exhausted) mean there is nothing to show, so they go to the caller.
  const [head = whole, ...later] = spans;
  windowsPlanned = spans.length;
  active = 1;
  const first = await fetchWindow(head);
  expected = first.totalHits;
  const rest = schedule(absorb(head, first));
  active += rest.length - 1;
  windowsDone = 1;
  report();
  await Promise.all(rest.map(run));
  // a range longer than one request may ask about: its next spans, one after another
  for (const span of later) {
    active += 1;
    await run(span);
  }

  const calls = [...byId.values()].sort(byDateThenId);
  if (problems.length === 0 && calls.length + rejected.count < expected) {
    problems.push(
      `the upstream reported ${expected} calls but only ${calls.length + rejected.count} arrived`,
    );
  }
  const complete = problems.length === 0;
  return {
    calls,
    total: calls.length,
    complete,
    ...(complete
      ? {}
      : {
          incompleteReason: incompleteReason(calls.length, expected, problems),
          upstreamTotal: Math.max(expected, calls.length),
        }),
    upstreamRequests: requests,
    rejected,
    rejectedRecords: [...rejectedByPrint.values()],
    windows: windowsPlanned,
  };
}

function byDateThenId(a: Call, b: Call): number {
  const da = a.Date ?? "";
  const db = b.Date ?? "";
  if (da !== db) return da < db ? -1 : 1;
  const ia = a.CallID ?? "";
  const ib = b.CallID ?? "";
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
