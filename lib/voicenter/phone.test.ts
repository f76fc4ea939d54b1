import { describe, expect, it } from "vitest";

import { normalizePhone, phoneVariants } from "./phone";

describe("normalizePhone", () => {
  it.each([
    ["0501234567", "972501234567"],
    ["050-123-4567", "972501234567"],
    ["+972 50 123 4567", "972501234567"],
    ["972501234567", "972501234567"],
    ["00972501234567", "972501234567"],
    ["(03) 123-4567", "97231234567"],
    ["0722776772", "972722776772"],
    ["+1 212 555 1234", "12125551234"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it("is undefined for text that is not a number (an extension id)", () => {
    expect(normalizePhone("SipSip")).toBeUndefined();
    expect(normalizePhone("12")).toBeUndefined();
  });

  it("lists the local spelling of an Israeli number too", () => {
    expect(phoneVariants("972501234567")).toEqual(["972501234567", "0501234567"]);
    expect(phoneVariants("12125551234")).toEqual(["12125551234"]);
  });
});
