import { describe, expect, it } from "vitest";

import { DAY_MS } from "@/lib/time/units";

import { judgeDescendingPage, MAX_WINDOW_MS, nextWindow } from "./backfill-plan";

const T = Date.UTC(2024, 5, 1);
const iso = (ms: number) => new Date(ms).toISOString();

describe("the backfill's plan", () => {
  it("asks for the newest part of a gap, at most the upstream's longest range", () => {
    expect(nextWindow({ from: T - 200 * DAY_MS, to: T })).toEqual({
      from: T - MAX_WINDOW_MS,
      to: T,
    });
    expect(nextWindow({ from: T - DAY_MS, to: T })).toEqual({ from: T - DAY_MS, to: T });
  });

  it("a page that holds every call covers its window", () => {
    const window = { from: T, to: T + DAY_MS };
    expect(
      judgeDescendingPage(window, {
        totalHits: 2,
        dates: [iso(T + 5000), iso(T)],
        rejectedCount: 0,
      }),
    ).toEqual({
      kind: "complete",
      covered: window,
    });
  });

  it("a capped page, newest first, covers down to its oldest second and continues below it", () => {
    const window = { from: T, to: T + DAY_MS };
    const dates = [iso(T + 9_000), iso(T + 8_000), iso(T + 7_000), iso(T + 7_000)];
    expect(judgeDescendingPage(window, { totalHits: 10, dates, rejectedCount: 0 })).toEqual({
      kind: "continue",
      covered: { from: T + 8_000, to: T + DAY_MS },
      rest: { from: T, to: T + 8_000 },
    });
  });

  it("a page all in one second covers what is newer and gives that second up", () => {
    const window = { from: T, to: T + DAY_MS };
    const dates = [iso(T + 60_000), iso(T + 60_000)];
    expect(judgeDescendingPage(window, { totalHits: 5, dates, rejectedCount: 0 })).toEqual({
      kind: "dense-second",
      second: { from: T + 60_000, to: T + 61_000 },
      covered: { from: T + 61_000, to: T + DAY_MS },
      rest: { from: T, to: T + 60_000 },
    });
  });

  it("an upstream that ignored the sort gets the window split by its count", () => {
    const window = { from: T, to: T + DAY_MS };
    const dates = [iso(T + 1_000), iso(T + 9_000)];
    const verdict = judgeDescendingPage(window, { totalHits: 20_000, dates, rejectedCount: 0 });
    expect(verdict.kind).toBe("split");
    if (verdict.kind !== "split") return;
    expect(verdict.parts).toHaveLength(3);
    expect(verdict.parts[0]?.from).toBe(T);
    expect(verdict.parts.at(-1)?.to).toBe(T + DAY_MS);
  });
});
