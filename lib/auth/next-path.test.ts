import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { afterSignIn, loginPathFor, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/calls", "/calls"],
    ["/calls?range=today&queue=1,2", "/calls?range=today&queue=1,2"],
    [
      "/calls?from=2026-01-01T00:00:00Z&call=abc#top",
      "/calls?from=2026-01-01T00:00:00Z&call=abc#top",
    ],
    ["/", "/"],
    ["/calls?phone=050 123", "/calls?phone=050%20123"],
    ["/a/../calls", "/calls"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/calls?next=//evil.example", "/calls?next=//evil.example"],
    ["/שיחות", "/%D7%A9%D7%99%D7%97%D7%95%D7%AA"],
  ])("keeps %j as %j", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/calls",
    "///evil.example",
    "https://evil.example/calls",
    "http://evil.example",
    "HTTPS://evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/calls\\..\\..\\evil",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " /calls",
    "/calls\u0000",
    "/.//evil.example",
    "/%2e//evil.example",
    "calls",
    "evil.example",
    "",
    "/login",
    "/login?next=/calls",
    "/login/",
    "/api/auth/sign-in/social",
    "/api/auth",
    `/${"a".repeat(5000)}`,
  ])("refuses %j", (raw) => {
    expect(safeNextPath(raw)).toBeUndefined();
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined)).toBeUndefined();
    expect(safeNextPath(null)).toBeUndefined();
    expect(safeNextPath(["/calls"])).toBeUndefined();
  });

  it("accepts a path that merely starts like the login page", () => {
    expect(safeNextPath("/loginhelp")).toBe("/loginhelp");
    expect(safeNextPath("/api/authors")).toBe("/api/authors");
  });

  it("never returns anything a browser would resolve to another origin (10,000 cases)", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      ".",
      "..",
      ":",
      "@",
      "?",
      "#",
      "%2f",
      "%5c",
      "%2e",
      "\t",
      "evil.example",
      "a",
      " ",
    );
    const raw = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(piece, { maxLength: 12 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(raw, (text) => {
        const path = safeNextPath(text);
        if (path === undefined) return;
        for (const base of ["https://callboard.example/calls/x", "http://10.0.0.5:3000/"]) {
          const resolved = new URL(path, base);
          expect(resolved.origin).toBe(new URL(base).origin);
        }
        expect(path.startsWith("/") && !path.startsWith("//") && !path.includes("\\")).toBe(true);
        expect(safeNextPath(path)).toBe(path);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("afterSignIn and loginPathFor", () => {
  it("falls back to the dashboard", () => {
    expect(afterSignIn("//evil.example")).toBe("/calls");
    expect(afterSignIn(undefined)).toBe("/calls");
    expect(afterSignIn("/calls?range=today")).toBe("/calls?range=today");
  });

  it("carries the whole path and query, encoded", () => {
    expect(loginPathFor("/calls?range=today&sort=Duration.desc")).toBe(
      "/login?next=%2Fcalls%3Frange%3Dtoday%26sort%3DDuration.desc",
    );
    expect(loginPathFor("/")).toBe("/login");
    expect(loginPathFor("/login?next=/x")).toBe("/login");
  });
});
