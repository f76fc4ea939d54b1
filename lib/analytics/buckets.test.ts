import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";

import { bucketUnitFor, callVolume } from "./buckets";

const IL = "Asia/Jerusalem";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let id = 0;
function callAt(isoUtc: string, DialStatus = "ANSWER"): ApiCall {
  return { CallID: `c${id++}`, HasRecording: false, Date: isoUtc, DialStatus };
}

// Local midnights in Israel around the 2026 DST changes (winter +2, summer +3).
const MAR_27 = Date.UTC(2026, 2, 26, 22); // spring forward at 02:00 → 03:00
const MAR_28 = Date.UTC(2026, 2, 27, 21);
const OCT_25 = Date.UTC(2026, 9, 24, 21); // fall back at 02:00 → 01:00
const OCT_26 = Date.UTC(2026, 9, 25, 22);

describe("bucketUnitFor", () => {
  it("is hourly up to two days (a two-day range holding the 25-hour day included), daily beyond", () => {
    expect(bucketUnitFor({ from: 0, to: DAY })).toBe("hour");
    expect(bucketUnitFor({ from: OCT_25, to: OCT_25 + 49 * HOUR })).toBe("hour");
    expect(bucketUnitFor({ from: 0, to: 2 * DAY + 2 * HOUR })).toBe("day");
    expect(bucketUnitFor({ from: 0, to: 7 * DAY })).toBe("day");
  });
});

describe("hourly buckets on Israel's DST change days", () => {
  it("spring forward, 27 Mar 2026: 23 real hours, 02:00 never shown", () => {
    const { unit, buckets } = callVolume([], { timeZone: IL, range: { from: MAR_27, to: MAR_28 } });
    expect(unit).toBe("hour");
    expect(buckets).toHaveLength(23);
    expect(buckets.map((b) => b.wall.hour)).toEqual([
      0,
      1,
      ...Array.from({ length: 21 }, (_, i) => i + 3),
    ]);
    for (const b of buckets) expect(b.end - b.start).toBe(HOUR);
    expect(buckets[0]!.start).toBe(MAR_27);
    expect(buckets.at(-1)!.end).toBe(MAR_28);
  });

  it("fall back, 25 Oct 2026: 25 real hours, 01:00 twice", () => {
    const { buckets } = callVolume([], { timeZone: IL, range: { from: OCT_25, to: OCT_26 } });
    expect(buckets).toHaveLength(25);
    expect(buckets.map((b) => b.wall.hour)).toEqual([
      0,
      1,
      1,
      ...Array.from({ length: 22 }, (_, i) => i + 2),
    ]);
    for (const b of buckets) expect(b.end - b.start).toBe(HOUR);
  });

  it("puts each call in its real hour, the two 01:00 hours apart", () => {
    const calls = [
      callAt("2026-10-24T21:10:00Z"), // 00:10 local
      callAt("2026-10-24T22:30:00Z"), // first 01:30 (+3)
      callAt("2026-10-24T23:30:00Z", "NOANSWER"), // second 01:30 (+2)
      callAt("2026-10-25T00:30:00Z", "ABANDONE"), // 02:30 (+2)
    ];
    const { buckets, outside } = callVolume(calls, {
      timeZone: IL,
      range: { from: OCT_25, to: OCT_26 },
    });
    expect(outside).toBe(0);
    expect(
      buckets.slice(0, 5).map((b) => [b.wall.hour, b.answered, b.missed, b.abandoned]),
    ).toEqual([
      [0, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [2, 0, 0, 1],
      [3, 0, 0, 0],
    ]);
  });

  it("covers a two-day range without gaps", () => {
    const { buckets } = callVolume([], { timeZone: IL, range: { from: OCT_25, to: OCT_26 + DAY } });
    expect(buckets).toHaveLength(49);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
  });
});

describe("daily buckets", () => {
  it("a month in Israel: one bucket per local date, 23 h on 27 Mar, empty days kept", () => {
    const from = Date.UTC(2026, 1, 28, 22); // 1 Mar 00:00 (+2)
    const to = Date.UTC(2026, 2, 31, 21); // 1 Apr 00:00 (+3)
    const calls = [
      callAt("2026-02-28T22:00:00Z"), // 1 Mar 00:00 local: the first bucket
      callAt("2026-03-26T22:30:00Z"), // 27 Mar 00:30 local, though still 26 Mar in UTC
      callAt("2026-03-27T00:30:00Z", "BUSY"), // 27 Mar 03:30 local (clocks jumped at 00:00 UTC)
      callAt("2026-03-31T20:59:59Z", "CHANUNAVAIL"), // 31 Mar 23:59:59 local
    ];
    const { unit, buckets, outside } = callVolume(calls, { timeZone: IL, range: { from, to } });
    expect(unit).toBe("day");
    expect(outside).toBe(0);
    expect(buckets).toHaveLength(31);
    expect(buckets.map((b) => b.wall.day)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(buckets.every((b) => b.wall.month === 3 && b.wall.hour === 0)).toBe(true);
    expect(buckets.map((b) => (b.end - b.start) / HOUR)).toEqual(
      Array.from({ length: 31 }, (_, i) => (i === 26 ? 23 : 24)),
    );
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
    expect(buckets[0]).toMatchObject({ answered: 1, total: 1 });
    expect(buckets[25]!.total).toBe(0);
    expect(buckets[26]).toMatchObject({ answered: 1, missed: 1, total: 2 });
    expect(buckets[30]).toMatchObject({ failed: 1, total: 1 });
    expect(buckets.reduce((sum, b) => sum + b.total, 0)).toBe(4);
  });

  it("October holds a 25-hour day on the 25th", () => {
    const { buckets } = callVolume([], {
      timeZone: IL,
      range: { from: Date.UTC(2026, 8, 30, 21), to: Date.UTC(2026, 9, 31, 22) },
    });
    expect(buckets).toHaveLength(31);
    const long = buckets.filter((b) => b.end - b.start === 25 * HOUR);
    expect(long.map((b) => b.wall.day)).toEqual([25]);
  });

  it("starts at local midnight before a range that begins mid-day", () => {
    const { buckets } = callVolume([], {
      timeZone: IL,
      range: { from: Date.UTC(2026, 5, 1, 9), to: Date.UTC(2026, 5, 8, 9) },
    });
    expect(buckets[0]!.start).toBe(Date.UTC(2026, 4, 31, 21));
    expect(buckets).toHaveLength(8);
  });

  it("a day whose midnight does not exist starts at 01:00 (America/Santiago, 6 Sep 2026)", () => {
    const { buckets } = callVolume([], {
      timeZone: "America/Santiago",
      range: { from: Date.UTC(2026, 8, 5, 4), to: Date.UTC(2026, 8, 8, 3) },
    });
    expect(buckets.map((b) => [b.wall.day, (b.end - b.start) / HOUR])).toEqual([
      [5, 24],
      [6, 23],
      [7, 24],
    ]);
    expect(buckets[1]!.start).toBe(Date.UTC(2026, 8, 6, 4));
  });
});

describe("other zones and edge cases", () => {
  it("half-hour zones get hours on their own :00 (Asia/Kolkata)", () => {
    const { buckets } = callVolume([], {
      timeZone: "Asia/Kolkata",
      range: { from: Date.UTC(2026, 0, 1, 18, 30), to: Date.UTC(2026, 0, 2, 18, 30) },
    });
    expect(buckets).toHaveLength(24);
    expect(buckets.every((b) => b.wall.minute === 0)).toBe(true);
  });

  it("a 30-minute DST shift keeps labels on :00 (Australia/Lord_Howe, 4 Oct 2026)", () => {
    const { buckets } = callVolume([], {
      timeZone: "Australia/Lord_Howe",
      range: { from: Date.UTC(2026, 9, 3, 13, 30), to: Date.UTC(2026, 9, 4, 13) },
    });
    expect(buckets.every((b) => b.wall.minute === 0)).toBe(true);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start).toBe(buckets[i - 1]!.end);
  });

  it("counts calls outside the buckets and calls without a date, and places none of them", () => {
    const calls = [
      callAt("2026-10-30T10:00:00Z"),
      { CallID: "x", HasRecording: false, DialStatus: "ANSWER" },
      callAt("2026-10-25T10:00:00Z"),
    ];
    const volume = callVolume(calls, { timeZone: IL, range: { from: OCT_25, to: OCT_26 } });
    expect(volume).toMatchObject({ outside: 1, undated: 1 });
    expect(volume.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(1);
  });

  it("an empty or reversed range has no buckets", () => {
    expect(
      callVolume([callAt("2026-10-25T10:00:00Z")], {
        timeZone: IL,
        range: { from: OCT_26, to: OCT_25 },
      }),
    ).toMatchObject({
      buckets: [],
      outside: 1,
    });
  });

  it("an unbounded range has no buckets rather than endless ones", () => {
    expect(callVolume([], { timeZone: IL, range: { from: OCT_25, to: Infinity } }).buckets).toEqual(
      [],
    );
    expect(
      callVolume([], { timeZone: IL, range: { from: Number.NaN, to: OCT_26 } }).buckets,
    ).toEqual([]);
  });

  it("a unit can be forced", () => {
    expect(
      callVolume([], { timeZone: IL, range: { from: OCT_25, to: OCT_26 }, unit: "day" }).buckets,
    ).toHaveLength(1);
  });
});
