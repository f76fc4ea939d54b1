import { describe, expect, it } from "vitest";

import { unwrap } from "@/testing/unwrap";

import { bearerToken, findEnvToken, parseApiTokens, type EnvApiToken } from "./api-tokens";

const ADMIN = "a".repeat(16) + "0123456789abcdef";
const VIEWER = "v-" + "x".repeat(40);

const tokensOf = (text: string): EnvApiToken[] => unwrap(parseApiTokens(text));

describe("parseApiTokens", () => {
  it("reads role:token pairs and keeps only digests", () => {
    const tokens = tokensOf(`admin:${ADMIN}, viewer:${VIEWER}`);
    expect(tokens.map((t) => [t.label, t.role])).toEqual([
      ["CALLBOARD_API_TOKENS #1 (admin)", "admin"],
      ["CALLBOARD_API_TOKENS #2 (viewer)", "viewer"],
    ]);
    expect(JSON.stringify(tokens)).not.toContain(ADMIN);
    expect(tokens[0]?.digest).toHaveLength(32);
  });

  it("allows colons inside a token", () => {
    const token = `abc:${"z".repeat(40)}`;
    expect(findEnvToken(tokensOf(`supervisor:${token}`), token)?.role).toBe("supervisor");
  });

  it.each([
    [`root:${ADMIN}`, "entry 1 must be role:token"],
    [ADMIN, "entry 1 must be role:token"],
    [`admin:${ADMIN},viewer:short`, "entry 2: the token must be at least 32"],
    [`admin:${"x".repeat(20)} ${"y".repeat(20)}`, "entry 1: the token must be"],
    [`admin:${ADMIN},viewer:${ADMIN}`, "entry 2 repeats an earlier token"],
    [`admin:${ADMIN},`, "entry 2 must be role:token"],
  ])("refuses %#, never quoting a token", (text, message) => {
    const result = parseApiTokens(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.message).not.toContain(ADMIN);
    expect(result.message).not.toContain("short");
    expect(result.message).not.toContain("root");
  });
});

describe("findEnvToken and bearerToken", () => {
  const tokens = tokensOf(`admin:${ADMIN},viewer:${VIEWER}`);

  it("finds the matching token only", () => {
    expect(findEnvToken(tokens, ADMIN)?.role).toBe("admin");
    expect(findEnvToken(tokens, VIEWER)?.role).toBe("viewer");
    expect(findEnvToken(tokens, ADMIN.slice(1))).toBeUndefined();
    expect(findEnvToken(tokens, `${ADMIN} `)).toBeUndefined();
    expect(findEnvToken(tokens, undefined)).toBeUndefined();
    expect(findEnvToken([], ADMIN)).toBeUndefined();
  });

  it("reads the Bearer scheme case-insensitively, and nothing else", () => {
    expect(bearerToken(`Bearer ${ADMIN}`)).toBe(ADMIN);
    expect(bearerToken(`bearer  ${ADMIN} `)).toBe(ADMIN);
    expect(bearerToken(`Basic ${ADMIN}`)).toBeUndefined();
    expect(bearerToken(`Bearer a b`)).toBeUndefined();
    expect(bearerToken("Bearer")).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});
