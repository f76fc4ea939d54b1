import { describe, expect, it } from "vitest";

import { resolvePreset } from "./date-range";
import { startOfLocalDay } from "./time-zone";

const TZ = "Asia/Jerusalem";
const HOUR = 3_600_000;

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

  it("makes yesterday 23 hours after spring-forward and 25 after fall-back", () => {
    const afterSpring = Date.UTC(2026, 2, 28, 9);
    const y1 = resolvePreset("yesterday", afterSpring, TZ);
    expect(y1.to - y1.from).toBe(23 * HOUR);
    const afterFall = Date.UTC(2026, 9, 26, 9);
    const y2 = resolvePreset("yesterday", afterFall, TZ);
    expect(y2.to - y2.from).toBe(25 * HOUR);
  });

  it("moves whole local days with startOfLocalDay(addDays)", () => {
    expect(startOfLocalDay(Date.UTC(2026, 10, 25, 10), TZ, -1)).toBe(Date.UTC(2026, 10, 23, 22));
  });
});
