import { describe, expect, it } from "vitest";

import { agorotToShekels, formatPrice } from "./price";

describe("formatPrice", () => {
  it("turns agorot into shekels with the ILS sign", () => {
    expect(formatPrice(7, "en")).toBe("₪0.07");
    expect(formatPrice(1234, "en")).toBe("₪12.34");
    expect(formatPrice(123456, "en")).toBe("₪1,234.56");
  });

  it("writes Hebrew with the sign after the amount", () => {
    const text = formatPrice(1234, "he");
    expect(text).toContain("12.34");
    expect(text.indexOf("₪")).toBeGreaterThan(text.indexOf("12.34"));
  });

  it("shows nothing when there is no price", () => {
    expect(formatPrice(undefined, "en")).toBe("");
  });

  it("gives spreadsheets plain shekels", () => {
    expect(agorotToShekels(7)).toBe(0.07);
    expect(agorotToShekels(1234)).toBe(12.34);
  });
});
