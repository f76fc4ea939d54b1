import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { applyFetch, gaps, subtract, union, type CoverageSpan } from "./spans";

const H = 3_600_000;
const SETTLE = 3 * H;

describe("span algebra", () => {
  it("subtracts, joins and finds gaps", () => {
    expect(
      subtract({ from: 0, to: 10 }, [
        { from: 2, to: 4 },
        { from: 8, to: 20 },
      ]),
    ).toEqual([
      { from: 0, to: 2 },
      { from: 4, to: 8 },
    ]);
    expect(
      union([
        { from: 5, to: 7 },
        { from: 0, to: 5 },
        { from: 9, to: 10 },
      ]),
    ).toEqual([
      { from: 0, to: 7 },
      { from: 9, to: 10 },
    ]);
    expect(
      gaps({ from: 0, to: 10 }, [
        { from: 3, to: 5 },
        { from: 4, to: 6 },
      ]),
    ).toEqual([
      { from: 0, to: 3 },
      { from: 6, to: 10 },
    ]);
  });

  it("gaps and coverage always partition the range (property)", () => {
    const spanArb = fc
      .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 8 }), (covering) => {
        const range = { from: 0, to: 100 };
        const holes = gaps(range, covering);
        for (let t = 0; t < 100; t++) {
          const inHole = holes.some((h) => t >= h.from && t < h.to);
          const covered = covering.some((c) => t >= c.from && t < c.to);
          if (inHole === covered) return false;
        }
        return true;
      }),
    );
  });
});

describe("applyFetch", () => {
  it("settles what ended long enough before the fetch and keeps the rest unsettled", () => {
    const out = applyFetch([], { from: 0, to: 10 * H, fetchedAt: 10 * H, complete: true }, SETTLE);
    expect(out).toEqual([
      { from: 0, to: 7 * H, fetchedAt: 10 * H, complete: true, settled: true },
      { from: 7 * H, to: 10 * H, fetchedAt: 10 * H, complete: true, settled: false },
    ]);
  });

  it("a newer fetch replaces unsettled coverage and joins settled spans", () => {
    let spans: CoverageSpan[] = applyFetch(
      [],
      { from: 0, to: 10 * H, fetchedAt: 10 * H, complete: true },
      SETTLE,
    );
    // the sync, an hour later, over the last 30 minutes and on to now
    spans = applyFetch(
      spans,
      { from: 9.5 * H, to: 11 * H, fetchedAt: 11 * H, complete: true },
      SETTLE,
    );
    expect(spans.map((s) => [s.from / H, s.to / H, s.settled, s.fetchedAt / H])).toEqual([
      [0, 7, true, 10],
      [7, 11, false, 10],
    ]);
    // the sweep re-fetches the hours the sync no longer looks at: they settle and join
    spans = applyFetch(
      spans,
      { from: 6 * H, to: 9 * H, fetchedAt: 12 * H, complete: true },
      SETTLE,
    );
    expect(spans.map((s) => [s.from / H, s.to / H, s.settled])).toEqual([
      [0, 9, true],
      [9, 11, false],
    ]);
  });

  it("an incomplete fetch covers nothing and gives way to a complete one", () => {
    let spans = applyFetch([], { from: 0, to: 5 * H, fetchedAt: 20 * H, complete: false }, SETTLE);
    expect(spans).toEqual([
      { from: 0, to: 5 * H, fetchedAt: 20 * H, complete: false, settled: false },
    ]);
    spans = applyFetch(spans, { from: 0, to: 2 * H, fetchedAt: 21 * H, complete: true }, SETTLE);
    expect(spans.map((s) => [s.from / H, s.to / H, s.complete])).toEqual([
      [0, 2, true],
      [2, 5, false],
    ]);
  });

  it("never loses covered time to a later complete fetch (property)", () => {
    const fetchArb = fc
      .tuple(
        fc.integer({ min: 0, max: 48 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
      )
      .map(([start, length, after, complete]) => ({
        from: start * H,
        to: (start + length) * H,
        fetchedAt: (start + length + after) * H,
        complete,
      }));
    fc.assert(
      fc.property(fc.array(fetchArb, { maxLength: 10 }), (fetches) => {
        let spans: CoverageSpan[] = [];
        const covered: { from: number; to: number }[] = [];
        for (const fetch of fetches) {
          spans = applyFetch(spans, fetch, SETTLE);
          if (fetch.complete) covered.push(fetch);
        }
        const complete = spans.filter((s) => s.complete);
        // complete spans never overlap each other, and hold every completely fetched hour
        const sorted = [...complete].sort((a, b) => a.from - b.from);
        for (let i = 1; i < sorted.length; i++) {
          if ((sorted[i]?.from ?? 0) < (sorted[i - 1]?.to ?? 0)) return false;
        }
        return gaps({ from: 0, to: 80 * H }, complete).every((gap) =>
          covered.every((c) => gap.to <= c.from || gap.from >= c.to),
        );
      }),
    );
  });
});
