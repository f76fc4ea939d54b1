import { describe, expect, it } from "vitest";

import { computeCallerStats } from "@/lib/analytics/callers";

import { benchAnalytics } from "./analytics-bench";
import { syntheticCalls } from "./synthetic-calls";

// Timing belongs to `npm run bench`; this only checks the bench runs and its data is sane.
describe("benchAnalytics", () => {
  it("reports a median time for each step", () => {
    const result = benchAnalytics(2_000, { runs: 1 });
    expect(result.calls).toBe(2_000);
    for (const ms of Object.values(result.ms)) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
  });

  it("synthetic calls are seeded and plausible", () => {
    const range = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 8) };
    expect(syntheticCalls(50, range)).toEqual(syntheticCalls(50, range));
    const calls = syntheticCalls(5_000, range);
    expect(calls.filter((c) => c.DialStatus === "ANSWER").length).toBeGreaterThan(2_500);
    const callers = computeCallerStats(calls);
    expect(callers.repeatCallers).toBeGreaterThan(0);
    expect(callers.unreturnedCallers).toBeGreaterThan(0);
  });
});
