import { beforeAll, describe, expect, it } from "vitest";

import { formatPhone, loadPhoneLibrary, phoneFormatVersion, subscribePhoneFormat } from "./phone";

describe("formatPhone before its library has loaded", () => {
  it("writes Israeli numbers at once, a foreign one as it came, then formats it once loaded", async () => {
    expect(formatPhone("972501234567")).toBe("050-123-4567");
    const before = phoneFormatVersion();
    let notified = 0;
    const stop = subscribePhoneFormat(() => notified++);
    expect(formatPhone("12125550100")).toBe("12125550100");
    await loadPhoneLibrary();
    stop();
    expect(phoneFormatVersion()).toBe(before + 1);
    expect(notified).toBe(1);
    expect(formatPhone("12125550100")).toBe("+1 212 555 0100");
  });
});

describe("formatPhone", () => {
  beforeAll(() => loadPhoneLibrary());

  it.each([
    ["972501234567", "050-123-4567"],
    ["0501234567", "050-123-4567"],
    ["97231234567", "03-123-4567"],
    ["031234567", "03-123-4567"],
    ["972722776772", "072-277-6772"],
    ["0722776772", "072-277-6772"],
    ["1800123456", "1800-123-456"],
    ["12125550100", "+1 212 555 0100"],
    ["442079460958", "+44 20 7946 0958"],
    ["00442079460958", "+44 20 7946 0958"],
  ])("%s → %s", (raw, readable) => {
    expect(formatPhone(raw)).toBe(readable);
  });

  it("leaves extension ids, short codes and unknown text as they are", () => {
    expect(formatPhone("AAPINFzL")).toBe("AAPINFzL");
    expect(formatPhone("101")).toBe("101");
    expect(formatPhone("*2700")).toBe("*2700");
    expect(formatPhone("99999999999")).toBe("99999999999");
    expect(formatPhone(undefined)).toBe("");
  });
});
