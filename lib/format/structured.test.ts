import { describe, expect, it } from "vitest";

import { summarizeCustomData, summarizeDtmf } from "./structured";

describe("summarizeDtmf", () => {
  it("writes the IVR path as menu and key, in order", () => {
    expect(
      summarizeDtmf([
        { LayerName: "Main Menu", DTMF: "2", LayerNumber: "0" },
        { LayerName: "Sales", DTMF: "1", LayerNumber: "1" },
      ]),
    ).toBe("Main Menu 2 › Sales 1");
  });

  it("skips empty parts and shows nothing for no path", () => {
    expect(summarizeDtmf([{ LayerName: "Main Menu", DTMF: "", LayerNumber: "0" }])).toBe(
      "Main Menu",
    );
    expect(summarizeDtmf([])).toBe("");
    expect(summarizeDtmf(undefined)).toBe("");
  });
});

describe("summarizeCustomData", () => {
  it("lists every key with its value", () => {
    expect(summarizeCustomData({ OriginalIvrUniqueID: "2020abc", campaign: 7, vip: true })).toBe(
      "OriginalIvrUniqueID=2020abc; campaign=7; vip=true",
    );
    expect(summarizeCustomData({ nested: { a: 1 } })).toBe('nested={"a":1}');
    expect(summarizeCustomData({})).toBe("");
    expect(summarizeCustomData(undefined)).toBe("");
  });
});
