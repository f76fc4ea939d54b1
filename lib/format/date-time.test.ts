import { describe, expect, it } from "vitest";

import { formatDateTime, formatZonedIso, zoneOffsetMs } from "./date-time";

const JERUSALEM = "Asia/Jerusalem";

describe("formatDateTime", () => {
  it("shows the time in the viewer's zone, not the upstream's GMT+0", () => {
    expect(
      formatDateTime(Date.parse("2024-01-15T10:00:00Z"), { locale: "en-GB", timeZone: JERUSALEM }),
    ).toBe("15/01/2024, 12:00:00");
    expect(
      formatDateTime(Date.parse("2024-01-15T10:00:00Z"), { locale: "en-GB", timeZone: "UTC" }),
    ).toBe("15/01/2024, 10:00:00");
  });

  it("follows the DST switch on its day (Jerusalem, 29 March 2024, 02:00 → 03:00)", () => {
    const options = { locale: "en-GB", timeZone: JERUSALEM };
    expect(formatDateTime(Date.parse("2024-03-28T23:30:00Z"), options)).toBe(
      "29/03/2024, 01:30:00",
    );
    expect(formatDateTime(Date.parse("2024-03-29T00:30:00Z"), options)).toBe(
      "29/03/2024, 03:30:00",
    );
  });

  it("writes Hebrew dates in Hebrew order", () => {
    expect(
      formatDateTime(Date.parse("2024-03-29T00:30:00Z"), { locale: "he", timeZone: JERUSALEM }),
    ).toBe("29.03.2024, 03:30:00");
  });

  it("uses a 24-hour clock in English too", () => {
    expect(
      formatDateTime(Date.parse("2024-01-15T13:05:09Z"), { locale: "en", timeZone: "UTC" }),
    ).toBe("01/15/2024, 13:05:09");
  });

  it("shows nothing for a missing or unreadable date", () => {
    expect(formatDateTime(undefined, { locale: "en", timeZone: JERUSALEM })).toBe("");
    expect(formatDateTime(Number.NaN, { locale: "en", timeZone: JERUSALEM })).toBe("");
  });
});

describe("formatZonedIso", () => {
  it("writes the wall-clock time in the zone, across both DST switches", () => {
    expect(formatZonedIso(Date.parse("2024-03-28T23:30:00Z"), JERUSALEM)).toBe(
      "2024-03-29 01:30:00",
    );
    expect(formatZonedIso(Date.parse("2024-03-29T00:30:00Z"), JERUSALEM)).toBe(
      "2024-03-29 03:30:00",
    );
    // 27 October 2024: 02:00 IDT falls back to 01:00 IST, so 01:30 happens twice.
    expect(formatZonedIso(Date.parse("2024-10-26T22:30:00Z"), JERUSALEM)).toBe(
      "2024-10-27 01:30:00",
    );
    expect(formatZonedIso(Date.parse("2024-10-26T23:30:00Z"), JERUSALEM)).toBe(
      "2024-10-27 01:30:00",
    );
    expect(formatZonedIso(Date.parse("2024-10-27T00:30:00Z"), JERUSALEM)).toBe(
      "2024-10-27 02:30:00",
    );
  });

  it("agrees with Intl for every quarter hour around a switch, in zones with odd offsets", () => {
    for (const timeZone of [
      JERUSALEM,
      "America/New_York",
      "Asia/Kathmandu",
      "Australia/Lord_Howe",
    ]) {
      const check = new Intl.DateTimeFormat("sv-SE", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
      const start = Date.parse("2024-03-28T00:00:00Z");
      for (let ms = start; ms < start + 10 * 86_400_000; ms += 7 * 60_000 + 13_000) {
        expect(formatZonedIso(ms, timeZone)).toBe(check.format(ms));
      }
    }
  });

  it("knows Jerusalem's offsets in winter and summer", () => {
    expect(zoneOffsetMs(Date.parse("2024-01-01T00:00:00Z"), JERUSALEM)).toBe(2 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2024-07-01T00:00:00Z"), JERUSALEM)).toBe(3 * 3_600_000);
  });
});
