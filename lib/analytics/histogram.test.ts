import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";

import { DURATION_BINS, durationHistogram } from "./histogram";

let id = 0;
const call = (DialStatus: string, Duration?: number): ApiCall => ({
  CallID: `h${id++}`,
  HasRecording: false,
  DialStatus,
  ...(Duration === undefined ? {} : { Duration }),
});

describe("durationHistogram", () => {
  it("bins answered talk time at the edges: each bin holds [from, to)", () => {
    const durations = [
      0, 0.5, 1, 9, 10, 29, 30, 59, 60, 119, 120, 299, 300, 599, 600, 1199, 1200, 7200,
    ];
    const { bins, counted, withoutDuration } = durationHistogram(
      durations.map((d) => call("ANSWER", d)),
    );
    expect(bins.map((b) => [b.fromSeconds, b.toSeconds])).toEqual(
      DURATION_BINS.map((b) => [b.fromSeconds, b.toSeconds]),
    );
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(counted).toBe(18);
    expect(withoutDuration).toBe(0);
  });

  it("leaves out unanswered calls and counts answered calls without Duration apart", () => {
    const { bins, counted, withoutDuration } = durationHistogram([
      call("NOANSWER", 0),
      call("ABANDONE", 0),
      call("CHANUNAVAIL"),
      call("ANSWER"),
      call("ANSWER", 45),
    ]);
    expect(counted).toBe(1);
    expect(withoutDuration).toBe(1);
    expect(bins.find((b) => b.fromSeconds === 30)!.count).toBe(1);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(1);
  });

  it("bins are contiguous from 0 and end open", () => {
    expect(DURATION_BINS[0]!.fromSeconds).toBe(0);
    for (let i = 1; i < DURATION_BINS.length; i++) {
      expect(DURATION_BINS[i]!.fromSeconds).toBe(DURATION_BINS[i - 1]!.toSeconds);
    }
    expect(DURATION_BINS.at(-1)!.toSeconds).toBeNull();
  });
});
