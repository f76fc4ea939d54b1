import { describe, expect, it } from "vitest";

import { formatWeekHour, hourSpan, weekdayName } from "./week-hour";

describe("week hours", () => {
  it("names weekdays from Sunday = 0, in the locale", () => {
    expect(weekdayName(0, "en")).toBe("Sunday");
    expect(weekdayName(6, "en", "short")).toBe("Sat");
    expect(weekdayName(2, "he")).toBe("יום שלישי");
  });
  it("writes one clock hour", () => {
    expect(hourSpan(9)).toBe("09:00–10:00");
    expect(hourSpan(23)).toBe("23:00–00:00");
    expect(formatWeekHour({ weekday: 2, hour: 14 }, "en")).toBe("Tuesday 14:00–15:00");
  });
});
