import { describe, expect, it } from "vitest";

import {
  isValidTimeZone,
  offsetMsAt,
  startOfLocalDay,
  startOfLocalHour,
  wallTimeAt,
  wallTimeToEpoch,
} from "./time-zone";

const IL = "Asia/Jerusalem";
const HOUR = 3_600_000;

describe("time zone arithmetic (Asia/Jerusalem, 2026)", () => {
  it("knows winter and summer offsets", () => {
    expect(offsetMsAt(Date.UTC(2026, 0, 15), IL)).toBe(2 * HOUR);
    expect(offsetMsAt(Date.UTC(2026, 6, 15), IL)).toBe(3 * HOUR);
  });

  it("reads the wall clock", () => {
    expect(wallTimeAt(Date.UTC(2026, 9, 24, 22, 30), IL)).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 1,
      minute: 30,
      second: 0,
    });
  });

  it("maps a repeated wall time (fall back, 25 Oct) to its first occurrence", () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 1, minute: 30, second: 0 };
    expect(wallTimeToEpoch(wall, IL)).toBe(Date.UTC(2026, 9, 24, 22, 30));
  });

  it("moves a skipped wall time (spring forward, 27 Mar) forward by the gap", () => {
    const wall = { year: 2026, month: 3, day: 27, hour: 2, minute: 0, second: 0 };
    expect(wallTimeToEpoch(wall, IL)).toBe(Date.UTC(2026, 2, 27, 0, 0)); // the jump: 03:00 local
    expect(wallTimeToEpoch({ ...wall, minute: 30 }, IL)).toBe(Date.UTC(2026, 2, 27, 0, 30)); // 03:30
  });

  it("finds local midnight and the local hour", () => {
    expect(startOfLocalDay(Date.UTC(2026, 9, 25, 12), IL)).toBe(Date.UTC(2026, 9, 24, 21));
    expect(startOfLocalDay(Date.UTC(2026, 2, 27, 12), IL)).toBe(Date.UTC(2026, 2, 26, 22));
    // 00:30 UTC on 25 Oct is 02:30 local (+2): still 25 Oct, which began at 21:00 UTC the day before.
    expect(startOfLocalDay(Date.UTC(2026, 9, 25, 0, 30), IL)).toBe(Date.UTC(2026, 9, 24, 21));
    expect(startOfLocalHour(Date.UTC(2026, 9, 24, 23, 45, 12, 500), IL)).toBe(
      Date.UTC(2026, 9, 24, 23),
    );
  });

  it("starts a day at 01:00 where midnight does not exist (America/Santiago, 6 Sep 2026)", () => {
    const start = startOfLocalDay(Date.UTC(2026, 8, 6, 12), "America/Santiago");
    expect(start).toBe(Date.UTC(2026, 8, 6, 4));
    expect(wallTimeAt(start, "America/Santiago")).toMatchObject({ day: 6, hour: 1, minute: 0 });
  });

  it("tells known zones from unknown ones", () => {
    expect(isValidTimeZone(IL)).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
