import { describe, expect, it } from "vitest";

import type { Call } from "@/lib/voicenter/call";
import type { CdrPage } from "@/lib/voicenter/cdr-api";
import { UpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { toIsoUtc, toUpstreamRequestDate } from "@/lib/voicenter/dates";
import type { CdrQuery } from "@/lib/voicenter/request";
import { createFakeClock } from "@/testing/fake-clock";

import { fetchAllCalls, type FetchAllDeps, type FetchAllProgress } from "./fetch-all-calls";
import { createGovernor } from "./governor";

/** An in-memory upstream with a small cap, so the splitting logic is seen on a few hundred calls. */

const CAP = 100;
const TARGET = 80;
const DAY = Date.UTC(2024, 5, 12);
const H = 3_600_000;

function seededCalls(count: number, from: number, spanMs: number, seed = 7): Call[] {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    // Busy mid-day: squares cluster the times toward the middle of the span.
    const u = next();
    const skew = 0.5 + (u - 0.5) * Math.abs(u - 0.5) * 2;
    return { CallID: `c${i}`, Date: toIsoUtc(from + Math.floor(skew * spanMs)), Duration: i % 60 };
  });
}

interface FakeOptions {
  ignoreSort?: boolean;
  /** Sorted ascending, but the cap keeps the newest records rather than the oldest. */
  keepNewest?: boolean;
  failAfter?: number;
  firstError?: UpstreamError;
}

function fakeUpstream(calls: Call[], options: FakeOptions = {}) {
  const requests: CdrQuery[] = [];
  const fetchPage = (query: CdrQuery, opts: { onAttempt?: () => void }): Promise<CdrPage> => {
    requests.push(query);
    opts.onAttempt?.();
    if (options.firstError) return Promise.reject(options.firstError);
    if (options.failAfter !== undefined && requests.length > options.failAfter) {
      return Promise.reject(
        new UpstreamError("http", "the Voicenter API answered HTTP 503", { status: 503 }),
      );
    }
    // The upstream works in whole seconds, both ends inclusive.
    const from = toUpstreamRequestDate(query.from);
    const to = toUpstreamRequestDate(query.to);
    let hits = calls.filter((c) => {
      const at = (c.Date ?? "").slice(0, 19);
      return at >= from && at <= to;
    });
    if (!options.ignoreSort)
      hits = [...hits].sort((a, b) => ((a.Date ?? "") < (b.Date ?? "") ? -1 : 1));
    const page = options.keepNewest ? hits.slice(-CAP) : hits.slice(0, CAP);
    return Promise.resolve({
      totalHits: hits.length,
      returnHits: page.length,
      calls: page,
      rejected: { count: 0, reasons: [] },
    });
  };
  return { fetchPage, requests };
}

function deps(fetchPage: FetchAllDeps["fetchPage"], now = () => DAY): FetchAllDeps {
  return { fetchPage, now, targetPerWindow: TARGET };
}

const dayQuery = (extra: Partial<CdrQuery> = {}): CdrQuery => ({
  from: DAY,
  to: DAY + 24 * H,
  fields: ["Duration"],
  ...extra,
});

function expectExactly(result: { calls: Call[] }, truth: Call[]) {
  const ids = result.calls.map((c) => c.CallID);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids)).toEqual(new Set(truth.map((c) => c.CallID)));
  const dates = result.calls.map((c) => c.Date ?? "");
  expect(dates).toEqual([...dates].sort());
}

describe("fetchAllCalls", () => {
  it("needs one request when the range fits in one page", async () => {
    const truth = seededCalls(60, DAY, 24 * H);
    const upstream = fakeUpstream(truth);
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expectExactly(result, truth);
    expect(result).toMatchObject({ total: 60, complete: true, upstreamRequests: 1, windows: 1 });
    expect(upstream.requests[0]?.sort).toEqual([{ field: "Date", order: "asc" }]);
  });

  it("returns every call of a range holding several pages, once each, sorted, in few requests", async () => {
    const truth = seededCalls(450, DAY, 24 * H);
    const upstream = fakeUpstream(truth);
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expectExactly(result, truth);
    expect(result.complete).toBe(true);
    expect(result.total).toBe(450);
    expect(result.incompleteReason).toBeUndefined();
    // 450 calls at 100 a page: 5 is the floor; each parallel lane may end on a part-filled page.
    expect(result.upstreamRequests).toBeLessThanOrEqual(5 + 3);
    expect(result.upstreamRequests).toBe(upstream.requests.length);
    // Every window stays inside the range asked for.
    for (const q of upstream.requests) {
      expect(q.from).toBeGreaterThanOrEqual(DAY);
      expect(q.to).toBeLessThan(DAY + 24 * H);
    }
  });

  it("keeps the other filters on every window", async () => {
    const upstream = fakeUpstream(seededCalls(300, DAY, 24 * H));
    await fetchAllCalls(deps(upstream.fetchPage), dayQuery({ queueIds: [3], cdrTypes: [8] }));
    expect(upstream.requests.length).toBeGreaterThan(1);
    for (const q of upstream.requests)
      expect(q).toMatchObject({ queueIds: [3], cdrTypes: [8], fields: ["Duration"] });
  });

  it("fetches no more windows at once than it has lanes, and needs the fewest requests with one", async () => {
    const truth = seededCalls(450, DAY, 24 * H);
    const upstream = fakeUpstream(truth);
    let inFlight = 0;
    let peak = 0;
    const tracked: FetchAllDeps["fetchPage"] = async (q, o) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      try {
        return await upstream.fetchPage(q, o);
      } finally {
        inFlight--;
      }
    };
    const parallel = await fetchAllCalls({ ...deps(tracked), lanes: 3 }, dayQuery());
    expectExactly(parallel, truth);
    expect(peak).toBeLessThanOrEqual(3);

    const chain = fakeUpstream(truth);
    const sequential = await fetchAllCalls({ ...deps(chain.fetchPage), lanes: 1 }, dayQuery());
    expectExactly(sequential, truth);
    expect(sequential.upstreamRequests).toBe(5);
  });

  it("still gets everything when the upstream ignores the sort (splitting by time instead)", async () => {
    const truth = seededCalls(300, DAY, 24 * H);
    const upstream = fakeUpstream(truth, { ignoreSort: true });
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expectExactly(result, truth);
    expect(result.complete).toBe(true);
  });

  it("does not present a part as the whole when the upstream's page is not the first records", async () => {
    const truth = seededCalls(300, DAY, 24 * H);
    const upstream = fakeUpstream(truth, { keepNewest: true });
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expect(result.complete).toBe(false);
    expect(result.upstreamTotal).toBe(300);
    expect(result.incompleteReason).toMatch(/reported 300 calls/);
  });

  it("gives up a second holding more than a page, says so, and keeps the rest", async () => {
    const crowd = Array.from({ length: 150 }, (_, i) => ({
      CallID: `x${i}`,
      Date: toIsoUtc(DAY + 9 * H),
    }));
    const others = seededCalls(120, DAY, 24 * H);
    const upstream = fakeUpstream([...crowd, ...others]);
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expect(result.complete).toBe(false);
    expect(result.incompleteReason).toContain("2024-06-12T09:00:00Z");
    const got = new Set(result.calls.map((c) => c.CallID));
    for (const call of others)
      if (call.Date !== toIsoUtc(DAY + 9 * H)) expect(got.has(call.CallID)).toBe(true);
  });

  it("returns what it has, marked incomplete, when a later window fails", async () => {
    const truth = seededCalls(450, DAY, 24 * H);
    const upstream = fakeUpstream(truth, { failAfter: 2 });
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery());
    expect(result.complete).toBe(false);
    expect(result.total).toBe(result.calls.length);
    expect(result.total).toBeLessThan(450);
    expect(result.upstreamTotal).toBe(450);
    expect(result.incompleteReason).toMatch(
      /^Showing \d+ of about 450 calls, not all of them: .*HTTP 503/,
    );
  });

  it("throws the first request's refusal: there is nothing to show", async () => {
    const refused = new UpstreamError("unauthorized", "the Voicenter API refused the account code");
    const upstream = fakeUpstream([], { firstError: refused });
    await expect(fetchAllCalls(deps(upstream.fetchPage), dayQuery())).rejects.toBe(refused);
  });

  it("stops at the deadline when the budget cannot serve the rest in time", async () => {
    const clock = createFakeClock(DAY);
    const governor = createGovernor({ rateLimitPerMinute: 2, now: clock.now, sleep: clock.sleep });
    const upstream = fakeUpstream(seededCalls(450, DAY, 24 * H));
    const fetchPage: FetchAllDeps["fetchPage"] = (q, o) =>
      governor.run(() => upstream.fetchPage(q, {}), o);
    const result = await fetchAllCalls(deps(fetchPage, clock.now), dayQuery(), {
      deadlineMs: 30_000,
    });
    expect(result.complete).toBe(false);
    expect(upstream.requests).toHaveLength(2);
    expect(result.incompleteReason).toMatch(/budget .* is used up/);
  });

  it("reports progress up to the whole", async () => {
    const upstream = fakeUpstream(seededCalls(450, DAY, 24 * H));
    const seen: FetchAllProgress[] = [];
    const result = await fetchAllCalls(deps(upstream.fetchPage), dayQuery(), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen.length).toBe(result.windows);
    expect(seen[0]).toMatchObject({
      loaded: 100,
      expected: 450,
      windowsDone: 1,
      upstreamRequests: 1,
    });
    expect(seen.at(-1)).toMatchObject({ loaded: 450, expected: 450, windowsDone: result.windows });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.loaded).toBeGreaterThanOrEqual(seen[i - 1]?.loaded ?? 0);
    }
  });

  it("answers an empty range without asking the upstream", async () => {
    const upstream = fakeUpstream([]);
    const result = await fetchAllCalls(deps(upstream.fetchPage), {
      from: DAY + 100,
      to: DAY + 900,
    });
    expect(result).toMatchObject({ calls: [], total: 0, complete: true, upstreamRequests: 0 });
  });
});
