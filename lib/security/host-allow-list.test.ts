import { describe, expect, it } from "vitest";

import { unwrap } from "@/testing/unwrap";

import {
  hostAllowed,
  parseHostPattern,
  parseHostPatterns,
  patternForUrl,
  VOICENTER_RECORDING_HOSTS,
  type HostPattern,
} from "./host-allow-list";

const patterns = (text: string): HostPattern[] => unwrap(parseHostPatterns(text));

describe("parseHostPattern", () => {
  it.each([
    ["cpanel.voicenter.co.il", { host: "cpanel.voicenter.co.il", port: "", subdomains: false }],
    ["*.Voicenter.com", { host: "voicenter.com", port: "", subdomains: true }],
    ["127.0.0.1:4010", { host: "127.0.0.1", port: "4010", subdomains: false }],
    ["[::1]:4010", { host: "[::1]", port: "4010", subdomains: false }],
    ["recordings.example:443", { host: "recordings.example", port: "443", subdomains: false }],
  ])("reads %s", (text, expected) => {
    expect(parseHostPattern(text)).toEqual(expected);
  });

  it.each([
    "",
    "*",
    "*.",
    "a.*.example",
    "https://x.example",
    "x.example/path",
    "user@x.example",
    "x.example:99999",
    "0x7f.1",
    "::1",
    "two words",
  ])("refuses %j", (text) => {
    expect(parseHostPattern(text)).toBeUndefined();
  });

  it("names the wrong entry of a list", () => {
    expect(parseHostPatterns("a.example, https://b.example")).toEqual({
      ok: false,
      message: expect.stringContaining('entry 2 ("https://b.example")') as string,
    });
  });
});

describe("hostAllowed", () => {
  const allowed = [...patterns(VOICENTER_RECORDING_HOSTS), ...patterns("127.0.0.1:4010")];

  it.each([
    ["https://cpanel.voicenter.co.il/CallsHistory/PlayRecord/1.mp3", true],
    ["https://CPANEL.voicenter.co.il/x", true],
    ["https://voicenter.co.il/x", false],
    ["https://evilvoicenter.co.il/x", false],
    ["https://voicenter.co.il.evil.example/x", false],
    ["https://cpanel.voicenter.co.il:8443/x", false],
    ["http://127.0.0.1:4010/recordings/1.wav", true],
    ["http://127.0.0.1:4011/recordings/1.wav", false],
    ["http://127.0.0.1/recordings/1.wav", false],
    ["http://localhost:4010/recordings/1.wav", false],
  ])("%s → %s", (url, expected) => {
    expect(hostAllowed(new URL(url), allowed)).toBe(expected);
  });

  it("matches an explicit default port as the default port", () => {
    expect(hostAllowed(new URL("https://r.example/x"), patterns("r.example:443"))).toBe(true);
    expect(hostAllowed(new URL("http://r.example/x"), patterns("r.example:443"))).toBe(false);
  });

  it("derives a pattern from the API URL", () => {
    const api = patternForUrl(new URL("http://127.0.0.1:4310/hub/cdr/"));
    expect(hostAllowed(new URL("http://127.0.0.1:4310/recordings/9.wav"), [api])).toBe(true);
    expect(hostAllowed(new URL("http://127.0.0.1:4311/"), [api])).toBe(false);
  });
});
