import { describe, expect, it } from "vitest";

import { crossOriginRefusal } from "./origin-check";

const APP = "https://callboard.example.com";

/** `base` null: no CALLBOARD_BASE_URL configured. */
function check(method: string, headers: Record<string, string>, base: string | null = APP) {
  return crossOriginRefusal(
    { method, url: "http://10.0.0.5:3000/api/x", headers: new Headers(headers) },
    base ?? undefined,
  );
}

describe("crossOriginRefusal", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "post"])(
    "refuses %s from another origin, naming it",
    (method) => {
      expect(check(method, { origin: "https://evil.example" })).toBe(
        "this request came from https://evil.example; Callboard accepts changes only from its own pages",
      );
    },
  );

  it.each(["GET", "HEAD", "get"])(
    "lets %s through from anywhere (it changes nothing)",
    (method) => {
      expect(check(method, { origin: "https://evil.example" })).toBeUndefined();
    },
  );

  it("accepts the app's own origin, however it is spelled", () => {
    expect(check("POST", { origin: APP })).toBeUndefined();
    expect(check("POST", { origin: "HTTPS://Callboard.Example.com:443" })).toBeUndefined();
  });

  it.each([
    ["another scheme", "http://callboard.example.com"],
    ["another port", "https://callboard.example.com:8443"],
    ["a sibling subdomain", "https://evil.callboard.example.com"],
    ["a look-alike suffix", "https://callboard.example.com.evil.example"],
    ["the opaque origin", "null"],
    ["garbage", "not a url"],
  ])("refuses %s", (_what, origin) => {
    expect(check("DELETE", { origin })).toMatch(
      /Callboard accepts changes only from its own pages/,
    );
  });

  it("without a configured base URL, compares with the origin the request was sent to", () => {
    expect(check("POST", { origin: "http://10.0.0.5:3000" }, null)).toBeUndefined();
    expect(check("POST", { origin: APP }, null)).toBeDefined();
  });

  it("without a base URL, the Host the browser addressed counts, not the name the server gave the URL", () => {
    const request = (origin: string) => ({
      method: "POST",
      url: "http://localhost:3310/api/auth/sign-in/email",
      headers: new Headers({ host: "127.0.0.1:3310", origin }),
    });
    expect(crossOriginRefusal(request("http://127.0.0.1:3310"), undefined)).toBeUndefined();
    expect(crossOriginRefusal(request("http://localhost:3310"), undefined)).toBeDefined();
    expect(crossOriginRefusal(request("https://evil.example"), undefined)).toBeDefined();
  });

  it("lets a client without Origin through (not a browser), unless Sec-Fetch-Site says cross-site", () => {
    expect(check("POST", {})).toBeUndefined();
    expect(check("POST", { "sec-fetch-site": "same-origin" })).toBeUndefined();
    expect(check("POST", { "sec-fetch-site": "cross-site" })).toMatch(/another site/);
    expect(check("POST", { "sec-fetch-site": "same-site" })).toMatch(/another site/);
  });
});
