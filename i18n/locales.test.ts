import { describe, expect, it } from "vitest";

import { directionOf, localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["he-IL,he;q=0.9,en;q=0.8", "he"],
    ["en-US,en;q=0.9,he;q=0.8", "en"],
    ["fr-FR,he;q=0.5", "he"],
    ["iw", "he"],
    ["fr, de", "en"],
    ["en;q=0.1, he;q=0.9", "he"],
    ["he;q=0, en", "en"],
    ["", "en"],
  ])("%j → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it("writes Hebrew right-to-left", () => {
    expect(directionOf("he")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });
});
