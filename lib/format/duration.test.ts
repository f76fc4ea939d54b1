import { describe, expect, it } from "vitest";

import { formatClockDuration, formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [7, "0:07"],
    [65, "1:05"],
    [599, "9:59"],
    [3599, "59:59"],
    [3600, "1:00:00"],
    [3723, "1:02:03"],
    [36000, "10:00:00"],
  ])("%i s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("shows nothing for a missing or unreadable value", () => {
    expect(formatDuration(undefined)).toBe("");
    expect(formatDuration(Number.NaN)).toBe("");
  });
});

describe("formatClockDuration", () => {
  it("always writes hours, so a spreadsheet does not read 4:05 as four hours", () => {
    expect(formatClockDuration(245)).toBe("0:04:05");
    expect(formatClockDuration(3723)).toBe("1:02:03");
    expect(formatClockDuration(undefined)).toBe("");
  });
});
