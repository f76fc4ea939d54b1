import { describe, expect, it } from "vitest";

import { fetchCdrPage, type CdrEndpoint } from "@/lib/voicenter/cdr-api";
import type { CdrQuery } from "@/lib/voicenter/request";
import { createFakeClock } from "@/testing/fake-clock";
import {
  inProcessSimulator,
  simulatedCallIds,
  type Simulator,
  type SimulatorConfigOverrides,
} from "@/testing/simulator";

import { fetchAllCalls, type FetchAllDeps } from "./fetch-all-calls";
import { createGovernor } from "./governor";

/**
 * Complete results against the real simulator (in process) with a busy call center: ranges
 * far beyond one page come back whole, and the upstream budget is respected. The simulator's
 * clock stands still, so its 30-a-minute limit would refuse a 31st request outright.
 */

const NOW = Date.UTC(2024, 5, 20, 12);
const SUNDAY = Date.UTC(2024, 5, 16);
const H = 3_600_000;
const DAY = 24 * H;

function setUp(overrides: SimulatorConfigOverrides = {}) {
  const { simulator, fetch } = inProcessSimulator({
    code: "busy",
    seed: 7,
    callsPerDay: 10_000,
    now: () => NOW,
    ...overrides,
  });
  const upstream: CdrEndpoint = {
    url: "http://sim.test/hub/cdr/",
    code: "busy",
    auth: "body",
    timeoutMs: 30_000,
    fetch,
  };
  const clock = createFakeClock(NOW);
  const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
  const deps: FetchAllDeps = {
    fetchPage: (query, opts) =>
      governor.run((signal) => fetchCdrPage(upstream, query, { signal }), opts),
    now: clock.now,
  };
  return { simulator, deps, governor, clock };
}

/** The simulator's own answer without the cap, one day at a time. */
function groundTruth(simulator: Simulator, from: number, to: number): string[] {
  const ids: string[] = [];
  for (let day = from; day < to; day += DAY) {
    ids.push(
      ...simulatedCallIds(simulator, { from: day, to: Math.min(day + DAY, to) - 1000 }, NOW),
    );
  }
  return ids;
}

const query = (from: number, to: number): CdrQuery => ({
  from,
  to,
  fields: ["Duration", "DialStatus"],
});

describe("fetchAllCalls against a busy simulator", () => {
  it("returns all ~25,000 calls of a range, once each, sorted, in a handful of requests", async () => {
    const { simulator, deps, governor } = setUp();
    const from = SUNDAY;
    const to = SUNDAY + 2 * DAY + 9 * H;
    const truth = groundTruth(simulator, from, to);
    expect(truth.length).toBeGreaterThan(20_000);

    const result = await fetchAllCalls(deps, query(from, to));
    const ids = result.calls.map((c) => c.CallID ?? "");
    expect(result.complete).toBe(true);
    expect(result.total).toBe(truth.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(truth));
    const dates = result.calls.map((c) => c.Date ?? "");
    expect(dates).toEqual([...dates].sort());
    expect(Date.parse(dates[0] ?? "")).toBeGreaterThanOrEqual(from);
    expect(Date.parse(dates.at(-1) ?? "")).toBeLessThan(to);
    // ceil(25,000 / 10,000) = 3 is the floor; equal-time windows over a skewed day cost a little more.
    expect(result.upstreamRequests).toBeLessThanOrEqual(6);
    expect(governor.stats()).toMatchObject({
      requests: result.upstreamRequests,
      rateLimitedAnswers: 0,
    });
  });

  it("returns a busy week (~60,000 calls) whole within one minute's budget", async () => {
    const { simulator, deps } = setUp();
    const from = SUNDAY - 7 * DAY;
    const to = SUNDAY;
    const truth = groundTruth(simulator, from, to);
    const result = await fetchAllCalls(deps, query(from, to));
    expect(result.complete).toBe(true);
    expect(result.total).toBe(truth.length);
    expect(new Set(result.calls.map((c) => c.CallID))).toEqual(new Set(truth));
    expect(result.upstreamRequests).toBeLessThanOrEqual(Math.ceil(truth.length / 10_000) + 5);
  });

  it("asks a range longer than one request may span (a year) as consecutive spans, whole", async () => {
    // a quiet center: the year is few pages, so the spans are what the requests are cut by
    const { simulator, deps } = setUp({ callsPerDay: 40 });
    const from = SUNDAY - 365 * DAY;
    const to = SUNDAY;
    const truth = groundTruth(simulator, from, to);
    const result = await fetchAllCalls(deps, query(from, to));
    expect(result.complete, result.incompleteReason).toBe(true);
    expect(result.total).toBe(truth.length);
    expect(new Set(result.calls.map((c) => c.CallID))).toEqual(new Set(truth));
    // the simulator refuses more than 93 days in one request: four spans, each asked once
    expect(result.windows).toBe(4);
    expect(result.upstreamRequests).toBe(4);
  });

  it("stays complete through rate-limit refusals, 5xx pages and the upstream's quirks", async () => {
    const { simulator, deps, governor } = setUp({
      faults: { rateLimitBurst: 2, http5xxRate: 0.15, quirks: true },
    });
    const from = SUNDAY;
    const to = SUNDAY + DAY + 12 * H;
    const truth = groundTruth(simulator, from, to);
    const result = await fetchAllCalls(deps, query(from, to));
    expect(result.complete).toBe(true);
    expect(new Set(result.calls.map((c) => c.CallID))).toEqual(new Set(truth));
    expect(governor.stats().rateLimitedAnswers).toBe(2);
    expect(governor.stats().retries).toBeGreaterThanOrEqual(2);
  });

  it("keeps filters on every window (one queue, answered calls of two types)", async () => {
    const { simulator, deps } = setUp();
    const from = SUNDAY;
    const to = SUNDAY + 3 * DAY;
    const filtered: CdrQuery = { ...query(from, to), cdrTypes: [1, 8] };
    const truth = simulatedCallIds(simulator, { ...filtered, to: to - 1000 }, NOW);
    const result = await fetchAllCalls(deps, filtered);
    expect(result.complete).toBe(true);
    expect(new Set(result.calls.map((c) => c.CallID))).toEqual(new Set(truth));
  });
});
