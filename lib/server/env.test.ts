import { describe, expect, it } from "vitest";

import { parseServerEnv } from "./env";

describe("parseServerEnv", () => {
  it("defaults to demo mode with Voicenter's endpoint and Israel's time zone", () => {
    const env = parseServerEnv({});
    expect(env.VOICENTER_CODE).toBeUndefined();
    expect(env.VOICENTER_API_URL).toBe("https://api.voicenter.com/hub/cdr/");
    expect(env.CALLBOARD_TIMEZONE).toBe("Asia/Jerusalem");
    expect(env.VOICENTER_RATE_LIMIT).toBe(30);
    expect(env.VOICENTER_AUTH).toBe("body");
  });

  it("reads VOICENTER_AUTH as one of its two values", () => {
    expect(parseServerEnv({ VOICENTER_AUTH: " bearer " }).VOICENTER_AUTH).toBe("bearer");
    expect(parseServerEnv({ VOICENTER_AUTH: "" }).VOICENTER_AUTH).toBe("body");
    expect(() => parseServerEnv({ VOICENTER_AUTH: "cookie" })).toThrow(
      'must be "body" or "bearer"',
    );
  });

  it("treats an empty VOICENTER_CODE as unset", () => {
    expect(parseServerEnv({ VOICENTER_CODE: "  " }).VOICENTER_CODE).toBeUndefined();
  });

  it.each([
    ["VOICENTER_API_URL", "not a url"],
    ["CALLBOARD_TIMEZONE", "Mars/Olympus"],
    ["VOICENTER_RATE_LIMIT", "0"],
    ["VOICENTER_RATE_LIMIT", "lots"],
    ["VOICENTER_AUTH", "cookie"],
    ["VOICENTER_TIMEOUT_MS", "5"],
  ])("names %s when its value %j is wrong", (name, value) => {
    expect(() => parseServerEnv({ [name]: value })).toThrow(name);
  });

  it("never echoes a bad account code", () => {
    const secret = "bad code with spaces \u0001";
    let message = "";
    try {
      parseServerEnv({ VOICENTER_CODE: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("VOICENTER_CODE");
    expect(message).not.toContain("spaces");
  });
});
