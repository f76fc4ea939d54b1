import { describe, expect, it } from "vitest";

import { callEpochMs, callSortableTime, parseIsoUtcSeconds } from "@/lib/time/call-time";

describe("parseIsoUtcSeconds", () => {
  it("agrees with Date.parse on the normalized form, across leap days and centuries", () => {
    const instants = [
      Date.UTC(1969, 11, 31, 23, 59, 59),
      Date.UTC(1970, 0, 1),
      Date.UTC(2000, 1, 29, 12, 30, 5),
      Date.UTC(2024, 1, 29, 23, 59, 59),
      Date.UTC(2100, 2, 1),
      Date.UTC(2026, 9, 25, 0, 30),
    ];
    for (let i = 0; i < 500; i++) instants.push(Date.UTC(2020, 0, 1) + i * 7_919_993_000);
    for (const ms of instants) {
      const text = new Date(ms).toISOString().replace(".000Z", "Z");
      expect(parseIsoUtcSeconds(text), text).toBe(Date.parse(text));
    }
  });

  it("declines every other form", () => {
    for (const text of [
      "2026-03-27 10:00:00",
      "2026-03-27T10:00:00",
      "2026-03-27T10:00:00.000Z",
      "2026-13-01T00:00:00Z",
      "2026-03-27T24:00:00Z",
      "2x26-03-27T10:00:00Z",
      "",
    ]) {
      expect(parseIsoUtcSeconds(text), text).toBeUndefined();
    }
  });
});

describe("callEpochMs", () => {
  it("reads Date, then falls back to DateEpoch", () => {
    expect(callEpochMs({ Date: "2026-10-25T00:30:00Z" })).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(callEpochMs({ DateEpoch: 1_554_027_973 })).toBe(1_554_027_973_000);
    expect(callEpochMs({})).toBeUndefined();
  });

  it("reads a non-normalized Date as the upstream means it: GMT+0", () => {
    expect(callEpochMs({ Date: "2026-10-25 00:30:00" })).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it("reads the server's ISO shape exactly as Date.parse does", () => {
    for (const iso of [
      "1970-01-01T00:00:00Z",
      "2000-02-29T23:59:59Z",
      "2024-03-29T00:30:00Z",
      "2100-03-01T00:00:00Z",
      "1999-12-31T12:00:00Z",
      "2024-03-29T00:30:00.500Z",
      "2024-03-29T03:30:00+03:00",
    ]) {
      expect(callEpochMs({ Date: iso })).toBe(Date.parse(iso));
    }
  });

  it("falls back to DateEpoch when Date cannot be read", () => {
    expect(callEpochMs({ Date: "not a date", DateEpoch: 1_554_027_973 })).toBe(1_554_027_973_000);
    expect(callEpochMs({ Date: "not a date" })).toBeUndefined();
  });
});

describe("callSortableTime", () => {
  it("is the canonical text, whose order is time order", () => {
    expect(callSortableTime({ Date: "2026-10-25T00:30:00Z" })).toBe("2026-10-25T00:30:00Z");
    expect(callSortableTime({ DateEpoch: Date.UTC(2026, 0, 2, 3, 4, 5) / 1000 })).toBe(
      "2026-01-02T03:04:05Z",
    );
    expect(callSortableTime({ Date: "2026-01-02 03:04:05" })).toBe("2026-01-02T03:04:05Z");
    expect(callSortableTime({})).toBeUndefined();
  });
});
