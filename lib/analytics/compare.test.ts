import { describe, expect, it } from "vitest";

import { resolvePreset } from "@/lib/time/date-range";

import { compareFigures, delta, previousPeriod } from "./compare";
import { computeConversationKpis } from "./conversation-kpis";

const TZ = "Asia/Jerusalem";
const iso = (range: { from: number; to: number }) => [
  new Date(range.from).toISOString(),
  new Date(range.to).toISOString(),
];
const previousOfPreset = (
  preset: Parameters<typeof resolvePreset>[0],
  now: number,
  timeZone = TZ,
) => iso(previousPeriod(resolvePreset(preset, now, timeZone), { timeZone, preset }));

describe("previousPeriod", () => {
  it("today → yesterday up to the same time of day", () => {
    const now = Date.UTC(2026, 2, 10, 12, 30); // Tue 14:30 in Israel
    expect(previousOfPreset("today", now)).toEqual([
      "2026-03-08T22:00:00.000Z",
      "2026-03-09T12:30:00.000Z",
    ]);
  });

  it("yesterday, a 23-hour spring-forward day → the whole 24-hour day before it", () => {
    const now = Date.UTC(2026, 2, 28, 7); // Sat 10:00; yesterday = Fri 27 March (02:00 → 03:00)
    expect(iso(resolvePreset("yesterday", now, TZ))).toEqual([
      "2026-03-26T22:00:00.000Z",
      "2026-03-27T21:00:00.000Z",
    ]);
    expect(previousOfPreset("yesterday", now)).toEqual([
      "2026-03-25T22:00:00.000Z",
      "2026-03-26T22:00:00.000Z",
    ]);
  });

  it("this week → last week up to the same weekday and time", () => {
    const now = Date.UTC(2026, 4, 6, 9); // Wed 12:00 (+3)
    expect(previousOfPreset("thisWeek", now)).toEqual([
      "2026-04-25T21:00:00.000Z",
      "2026-04-29T09:00:00.000Z",
    ]);
  });

  it("this month on 31 March → 1–28 February up to the same time (the day clamped)", () => {
    const now = Date.UTC(2026, 2, 31, 7); // 10:00 (+3)
    expect(previousOfPreset("thisMonth", now)).toEqual([
      "2026-01-31T22:00:00.000Z",
      "2026-02-28T08:00:00.000Z",
    ]);
  });

  it("last 7 and last 30 days → the same span 7 and 30 days earlier", () => {
    const now = Date.UTC(2026, 4, 6, 9);
    expect(previousOfPreset("last7Days", now)).toEqual([
      "2026-04-22T21:00:00.000Z",
      "2026-04-29T09:00:00.000Z",
    ]);
    expect(previousOfPreset("last30Days", now)).toEqual([
      "2026-03-07T22:00:00.000Z",
      "2026-04-06T09:00:00.000Z",
    ]);
  });

  it("a custom range of whole local days across a DST change keeps midnights (Europe/London)", () => {
    const range = { from: Date.UTC(2026, 2, 29), to: Date.UTC(2026, 2, 31, 23) }; // 29–31 March, local
    expect(iso(previousPeriod(range, { timeZone: "Europe/London" }))).toEqual([
      "2026-03-26T00:00:00.000Z",
      "2026-03-29T00:00:00.000Z",
    ]);
  });

  it("any other custom range moves back by its exact length", () => {
    const range = { from: Date.UTC(2026, 4, 6, 10), to: Date.UTC(2026, 4, 6, 12, 30) };
    expect(iso(previousPeriod(range, { timeZone: TZ, preset: null }))).toEqual([
      "2026-05-06T07:30:00.000Z",
      "2026-05-06T10:00:00.000Z",
    ]);
  });
});

describe("delta", () => {
  it("says up, down or flat, with the earlier value and the relative change", () => {
    expect(delta(12, 8)).toEqual({
      value: 12,
      previous: 8,
      change: 4,
      relativeChange: 0.5,
      trend: "up",
    });
    expect(delta(3, 4)).toMatchObject({ change: -1, relativeChange: -0.25, trend: "down" });
    expect(delta(0.1 + 0.2, 0.3)).toMatchObject({ change: 0, trend: "flat" });
  });

  it("has no relative change from zero, and no trend when a value is missing", () => {
    expect(delta(5, 0)).toMatchObject({ change: 5, relativeChange: null, trend: "up" });
    expect(delta(null, 0.4)).toEqual({
      value: null,
      previous: 0.4,
      change: null,
      relativeChange: null,
      trend: null,
    });
  });
});

describe("compareFigures", () => {
  it("gives every KPI its delta, in the KPIs' own shape", () => {
    const now = computeConversationKpis([]);
    const before = {
      ...now,
      conversations: 10,
      inbound: { ...now.inbound, offered: 4, answered: 2, answeredRate: 0.5 },
    };
    const deltas = compareFigures(now, before);
    expect(deltas.conversations).toMatchObject({ value: 0, previous: 10, trend: "down" });
    expect(deltas.inbound.answered).toMatchObject({ value: 0, previous: 2, change: -2 });
    expect(deltas.inbound.answeredRate).toMatchObject({ value: null, previous: 0.5, trend: null });
    expect(deltas.outbound.attempts.trend).toBe("flat");
  });

  it("skips text fields and compares a row that had no earlier row with nothing", () => {
    const deltas = compareFigures({ queue: "Sales", offered: 3, answerRate: 0.5 }, undefined);
    expect(deltas).toEqual({
      offered: { value: 3, previous: null, change: null, relativeChange: null, trend: null },
      answerRate: { value: 0.5, previous: null, change: null, relativeChange: null, trend: null },
    });
  });
});
