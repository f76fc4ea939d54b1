import { describe, expect, it } from "vitest";

import { resolvePreset } from "./date-range";
import { startOfZonedDay, wallTime, zonedTimeToEpoch, zoneOffset } from "./time-zone";

const TZ = "Asia/Jerusalem";
const HOUR = 3_600_000;

describe("time-zone arithmetic (Asia/Jerusalem, with DST)", () => {
  it("knows the offset in winter and in summer", () => {
    expect(zoneOffset(Date.UTC(2026, 0, 15, 12), TZ)).toBe(2 * HOUR);
    expect(zoneOffset(Date.UTC(2026, 6, 15, 12), TZ)).toBe(3 * HOUR);
  });

  it("finds local midnight on ordinary days", () => {
    expect(startOfZonedDay(Date.UTC(2026, 10, 25, 10), TZ)).toBe(Date.UTC(2026, 10, 24, 22));
    expect(startOfZonedDay(Date.UTC(2026, 6, 15, 22, 30), TZ)).toBe(Date.UTC(2026, 6, 15, 21));
  });

  it("makes the spring-forward day 23 hours and the fall-back day 25", () => {
    // Israel moves clocks on the Friday before the last Sunday of March, and the last Sunday of October.
    const springDay = startOfZonedDay(Date.UTC(2026, 2, 27, 12), TZ);
    const fallDay = startOfZonedDay(Date.UTC(2026, 9, 25, 12), TZ);
    expect(startOfZonedDay(springDay, TZ, 1) - springDay).toBe(23 * HOUR);
    expect(startOfZonedDay(fallDay, TZ, 1) - fallDay).toBe(25 * HOUR);
  });

  it("resolves a skipped wall time to just after the jump and a repeated one to its first occurrence", () => {
    const skipped = zonedTimeToEpoch({ year: 2026, month: 3, day: 27, hour: 2, minute: 30 }, TZ);
    expect(wallTime(skipped, TZ).hour).toBe(3);
    const repeated = zonedTimeToEpoch({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, TZ);
    expect(repeated).toBe(Date.UTC(2026, 9, 24, 22, 30));
  });
});

describe("range presets", () => {
  const now = Date.UTC(2026, 10, 25, 8, 0); // Wednesday 10:00 in Israel
  it.each([
    ["today", Date.UTC(2026, 10, 24, 22), now],
    ["yesterday", Date.UTC(2026, 10, 23, 22), Date.UTC(2026, 10, 24, 22)],
    ["thisWeek", Date.UTC(2026, 10, 21, 22), now],
    ["last7Days", Date.UTC(2026, 10, 18, 22), now],
    ["thisMonth", Date.UTC(2026, 9, 31, 22), now],
    ["last30Days", Date.UTC(2026, 9, 26, 22), now],
  ] as const)("%s", (preset, from, to) => {
    expect(resolvePreset(preset, now, TZ)).toEqual({ from, to });
  });

  it("spans the DST change: last 30 days from early November starts at summer-time midnight", () => {
    const early = Date.UTC(2026, 10, 2, 8);
    expect(resolvePreset("last30Days", early, TZ).from).toBe(Date.UTC(2026, 9, 3, 21));
  });
});
