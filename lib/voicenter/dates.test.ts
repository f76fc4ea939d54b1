import { describe, expect, it } from "vitest";

import { parseUpstreamDate, toIsoUtc, toUpstreamRecordDate, toUpstreamRequestDate } from "./dates";

describe("upstream dates (GMT+0)", () => {
  const at = Date.UTC(2021, 9, 10, 9, 4, 58);

  it.each([
    "2021-10-10 09:04:58",
    "2021-10-10T09:04:58",
    "2021-10-10T09:04:58Z",
    "2021-10-10T09:04:58.000Z",
    "2021-10-10T12:04:58+03:00",
    "2021-10-10T12:04:58+0300",
  ])("reads %s", (text) => {
    expect(parseUpstreamDate(text)).toBe(at);
  });

  it("rejects text that is not a real date", () => {
    for (const text of [
      "",
      "yesterday",
      "2021-02-31 00:00:00",
      "2021-10-10T25:00:00",
      "10/10/2021",
    ]) {
      expect(parseUpstreamDate(text)).toBeUndefined();
    }
  });

  it("writes the three forms", () => {
    expect(toIsoUtc(at + 999)).toBe("2021-10-10T09:04:58Z");
    expect(toUpstreamRequestDate(at)).toBe("2021-10-10T09:04:58");
    expect(toUpstreamRecordDate(at)).toBe("2021-10-10 09:04:58");
  });
});
