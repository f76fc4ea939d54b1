import { describe, expect, it } from "vitest";

import { displayZone, zoneChoices } from "./display-zone";

const fallback = "Asia/Jerusalem";

describe("the display zone", () => {
  it("is the link's tz, then the saved zone, then the browser's, then CALLBOARD_TIMEZONE", () => {
    const all = { url: "UTC", saved: "America/Sao_Paulo", browser: "Europe/London", fallback };
    expect(displayZone(all)).toEqual({ zone: "UTC", source: "url" });
    expect(displayZone({ ...all, url: null })).toEqual({
      zone: "America/Sao_Paulo",
      source: "saved",
    });
    expect(displayZone({ ...all, url: null, saved: null })).toEqual({
      zone: "Europe/London",
      source: "browser",
    });
    expect(displayZone({ url: null, saved: null, browser: null, fallback })).toEqual({
      zone: fallback,
      source: "fallback",
    });
  });

  it("passes over a zone Intl does not know (a hand-edited tz) to the next", () => {
    expect(
      displayZone({ url: "Mars/Olympus", saved: "Asia/Tokyo", browser: null, fallback }),
    ).toEqual({ zone: "Asia/Tokyo", source: "saved" });
  });

  it("offers the runtime's zones by name, UTC among them", () => {
    const zones = zoneChoices();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Jerusalem");
    expect([...zones].sort()).toEqual(zones);
  });
});
