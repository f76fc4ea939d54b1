import { describe, expect, it } from "vitest";

import { toIsoUtc, toUpstreamRecordDate } from "@/lib/voicenter/dates";

import { upstreamWindow, type TimeWindow } from "./time-window";
import { consecutiveSpans, judgePage, planWindows, splitEvenly } from "./windows";

const T0 = Date.UTC(2024, 5, 12, 0, 0, 0);
const S = 1000;
const H = 3_600_000;

function coversEverySecond(range: TimeWindow, parts: TimeWindow[]) {
  expect(parts[0]?.from).toBe(range.from);
  expect(parts.at(-1)?.to).toBe(range.to);
  for (let i = 1; i < parts.length; i++) expect(parts[i]?.from).toBe(parts[i - 1]?.to);
  for (const p of parts) {
    expect(p.to).toBeGreaterThanOrEqual(p.from);
    expect(p.from % S).toBe(0);
    expect(p.to % S).toBe(0);
  }
}

describe("upstreamWindow", () => {
  it("turns a half-open range into whole inclusive seconds", () => {
    expect(upstreamWindow(T0, T0 + 24 * H)).toEqual({ from: T0, to: T0 + 24 * H - S });
  });
  it("does not reach outside a range given in milliseconds", () => {
    expect(upstreamWindow(T0 + 500, T0 + 10_500)).toEqual({ from: T0 + S, to: T0 + 10 * S });
  });
  it("is empty when no whole second fits", () => {
    expect(upstreamWindow(T0 + 100, T0 + 900)).toBeUndefined();
  });
});

describe("splitEvenly / planWindows", () => {
  it("cuts a day into equal windows that share boundary seconds and miss none", () => {
    const day = { from: T0, to: T0 + 24 * H - S };
    const parts = splitEvenly(day, 3);
    expect(parts).toHaveLength(3);
    coversEverySecond(day, parts);
  });

  it("never makes a window shorter than a second", () => {
    const w = { from: T0, to: T0 + 2 * S };
    expect(splitEvenly(w, 10)).toHaveLength(3);
    expect(splitEvenly({ from: T0, to: T0 }, 4)).toEqual([{ from: T0, to: T0 }]);
  });

  it("plans as few windows as the page size allows, and no more than there are lanes", () => {
    const w = { from: T0, to: T0 + 10 * 24 * H };
    const opts = { perWindow: 10_000 };
    expect(planWindows(w, 0, opts)).toHaveLength(1);
    expect(planWindows(w, 10_000, opts)).toHaveLength(1);
    expect(planWindows(w, 10_001, opts)).toHaveLength(2);
    expect(planWindows(w, 25_000, opts)).toHaveLength(3);
    const parts = planWindows(w, 100_000, opts);
    expect(parts).toHaveLength(10);
    coversEverySecond(w, parts);
    const lanes = planWindows(w, 100_000, { ...opts, maxWindows: 4 });
    expect(lanes).toHaveLength(4);
    coversEverySecond(w, lanes);
  });

  it("cuts by the hourly profile so busy hours get shorter windows", () => {
    // All calls between 08:00 and 16:00 UTC.
    const profile = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 16 ? 1 : 0.0001));
    const day = { from: T0, to: T0 + 24 * H - S };
    const parts = planWindows(day, 20_000, { perWindow: 10_000, profile });
    expect(parts).toHaveLength(2);
    coversEverySecond(day, parts);
    // Equal halves of the busy hours meet at noon, not at the middle of the clock day.
    expect(Math.abs((parts[0]?.to ?? 0) - (T0 + 12 * H))).toBeLessThan(5 * 60_000);
  });
});

const dates = (...ms: number[]) => ms.map((t) => toUpstreamRecordDate(t));

describe("consecutiveSpans", () => {
  const DAY = 86_400_000;
  it("keeps a window that fits, and cuts a longer one into spans that share no second", () => {
    const month = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 31) - 1000 };
    expect(consecutiveSpans(month, 92 * DAY)[0]).toBe(month);
    const year = { from: Date.UTC(2023, 5, 13), to: Date.UTC(2024, 5, 13) - 1000 };
    const spans = consecutiveSpans(year, 92 * DAY);
    expect(spans).toHaveLength(4);
    expect(spans[0]?.from).toBe(year.from);
    expect(spans.at(-1)?.to).toBe(year.to);
    for (const [i, span] of spans.entries()) {
      expect(span.to - span.from).toBeLessThan(92 * DAY);
      if (i > 0) expect(span.from).toBe((spans[i - 1]?.to ?? 0) + 1000);
    }
  });
});

describe("judgePage", () => {
  const w = { from: T0, to: T0 + 24 * H - S };

  it("is complete when everything came back, rejected records included", () => {
    expect(judgePage(w, { totalHits: 3, dates: dates(T0, T0 + S), rejectedCount: 1 })).toEqual({
      kind: "complete",
    });
  });

  it("continues a capped, sorted page from its last date, inclusive", () => {
    const got = [T0 + H, T0 + 2 * H, T0 + 3 * H, T0 + 3 * H];
    const verdict = judgePage(w, { totalHits: 10, dates: dates(...got), rejectedCount: 0 });
    // Two calls before the last second came back for good; the rest (8) start at 03:00:00.
    expect(verdict).toEqual({
      kind: "continue",
      rest: { from: T0 + 3 * H, to: w.to },
      expectedCalls: 8,
    });
  });

  it("reads ISO dates with Z as well as the upstream's space form", () => {
    const verdict = judgePage(w, {
      totalHits: 5,
      dates: [toIsoUtc(T0 + S), toIsoUtc(T0 + 2 * S)],
      rejectedCount: 0,
    });
    expect(verdict).toMatchObject({ kind: "continue", rest: { from: T0 + 2 * S } });
  });

  it("splits by time (and keeps nothing) when a capped page is not in date order", () => {
    const verdict = judgePage(w, {
      totalHits: 20_000,
      dates: dates(T0 + 2 * H, T0 + H),
      rejectedCount: 0,
    });
    expect(verdict.kind).toBe("bisect");
    if (verdict.kind === "bisect") {
      expect(verdict.parts).toHaveLength(3);
      coversEverySecond(w, verdict.parts);
    }
  });

  it("splits by time when records lie outside the window asked for", () => {
    const verdict = judgePage(w, { totalHits: 9, dates: dates(T0 - H, T0 + H), rejectedCount: 0 });
    expect(verdict.kind).toBe("bisect");
  });

  it("gives up a second that alone fills a page and goes on after it", () => {
    const full = Array.from({ length: 4 }, () => T0);
    expect(judgePage(w, { totalHits: 9, dates: dates(...full), rejectedCount: 0 })).toEqual({
      kind: "dense-second",
      second: T0,
      rest: { from: T0 + S, to: w.to },
      expectedCalls: 5,
    });
    const one = { from: T0, to: T0 };
    expect(judgePage(one, { totalHits: 9, dates: dates(T0, T0), rejectedCount: 0 })).toMatchObject({
      kind: "dense-second",
      rest: undefined,
    });
  });

  it("is stuck when the upstream counts calls but sends none readable", () => {
    expect(judgePage(w, { totalHits: 5, dates: [], rejectedCount: 0 }).kind).toBe("stuck");
    expect(judgePage(w, { totalHits: 5, dates: [undefined], rejectedCount: 2 }).kind).toBe("stuck");
  });
});
