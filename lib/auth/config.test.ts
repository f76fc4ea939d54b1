import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { hostAllowed } from "@/lib/security/host-allow-list";

import { findEnvToken } from "./api-tokens";
import { parseAuthConfig, requireAuthSecret, type AuthConfigContext } from "./config";
import { authEnvSchema } from "./config-schema";

const LIVE: AuthConfigContext = { mode: "live", apiUrl: "https://api.voicenter.com/hub/cdr/" };
const DEMO: AuthConfigContext = { mode: "demo", apiUrl: "https://api.voicenter.com/hub/cdr/" };
const SECRET = "s3cret-".repeat(6);
const TOKEN = "t0ken-".repeat(7);
const OIDC = {
  CALLBOARD_OIDC_ISSUER: "https://login.example.com/realms/corp",
  CALLBOARD_OIDC_CLIENT_ID: "callboard",
  CALLBOARD_OIDC_CLIENT_SECRET: "client-secret-value",
};
const SIGNED = {
  CALLBOARD_AUTH_SECRET: SECRET,
  CALLBOARD_BASE_URL: "https://callboard.example.com",
};

/** The message of the EnvError a configuration raises (empty when it is accepted). */
function problem(env: Record<string, string>, context = LIVE): string {
  try {
    parseAuthConfig(env, context);
    return "";
  } catch (error) {
    expect((error as Error).name).toBe("EnvError");
    return (error as Error).message;
  }
}

describe("parseAuthConfig: defaults", () => {
  it("configures no sign-in method and sensible lifetimes when nothing is set", () => {
    const config = parseAuthConfig({}, LIVE);
    expect(config.methods).toEqual([]);
    expect(config.oidc).toBeUndefined();
    expect(config.secret).toBeUndefined();
    expect(config.session).toEqual({ idleSeconds: 12 * 3600, absoluteSeconds: 7 * 86_400 });
    expect(config.auditRetentionDays).toBe(400);
    expect(config.groupRoles.defaultRole).toBe("viewer");
  });

  it("allows recordings from Voicenter's hosts and the API host by default", () => {
    const config = parseAuthConfig({}, { mode: "live", apiUrl: "http://127.0.0.1:4310/hub/cdr/" });
    const allowed = (url: string) => hostAllowed(new URL(url), config.recordingHosts);
    expect(allowed("https://cpanel.voicenter.co.il/CallsHistory/PlayRecord/1.mp3")).toBe(true);
    expect(allowed("http://127.0.0.1:4310/recordings/1.wav")).toBe(true);
    expect(allowed("https://evil.example/1.mp3")).toBe(false);
  });

  it("treats blank values as unset", () => {
    expect(
      parseAuthConfig({ CALLBOARD_AUTH_SECRET: "  ", CALLBOARD_API_TOKENS: "" }, LIVE).methods,
    ).toEqual([]);
  });
});

describe("parseAuthConfig: sign-in methods", () => {
  it("reads OpenID Connect with its roles", () => {
    const config = parseAuthConfig(
      {
        ...OIDC,
        ...SIGNED,
        CALLBOARD_OIDC_ROLE_MAP: "callboard-admins:admin,cc-supervisors:supervisor",
        CALLBOARD_OIDC_DEFAULT_ROLE: "none",
      },
      LIVE,
    );
    expect(config.methods).toEqual(["oidc"]);
    expect(config.oidc).toMatchObject({
      providerId: "oidc",
      discoveryUrl: "https://login.example.com/realms/corp/.well-known/openid-configuration",
      displayName: "login.example.com",
      rolesClaim: "groups",
    });
    expect(config.groupRoles.map.get("cc-supervisors")).toBe("supervisor");
    expect(config.groupRoles.defaultRole).toBe("none");
    expect(config.baseUrl).toBe("https://callboard.example.com");
  });

  it("accepts an http issuer only on loopback (a provider in a test)", () => {
    const local = { ...OIDC, ...SIGNED, CALLBOARD_OIDC_ISSUER: "http://127.0.0.1:4400" };
    expect(problem(local)).toBe("");
    expect(problem({ ...local, CALLBOARD_OIDC_ISSUER: "http://login.example.com" })).toMatch(
      /CALLBOARD_OIDC_ISSUER: must be the provider's https issuer URL/,
    );
  });

  it("reads API tokens and an auth proxy", () => {
    const config = parseAuthConfig(
      {
        ...SIGNED,
        CALLBOARD_API_TOKENS: `viewer:${TOKEN}`,
        CALLBOARD_AUTH_PROXY_HEADER: "X-Forwarded-User",
        CALLBOARD_AUTH_PROXY_GROUPS_HEADER: "X-Forwarded-Groups",
        CALLBOARD_AUTH_PROXY_IPS: "10.0.0.0/8, ::1",
        CALLBOARD_OIDC_ROLE_MAP: "ops:admin",
      },
      LIVE,
    );
    expect(config.methods).toEqual(["api-tokens", "auth-proxy"]);
    expect(findEnvToken(config.apiTokens, TOKEN)?.role).toBe("viewer");
    expect(config.authProxy).toMatchObject({
      userHeader: "x-forwarded-user",
      groupsHeader: "x-forwarded-groups",
    });
    expect(config.authProxy?.trustedProxies).toHaveLength(2);
  });
});

describe("parseAuthConfig: the secret and the base URL", () => {
  it.each([
    ["OpenID Connect", OIDC, "oidc"],
    ["API tokens", { CALLBOARD_API_TOKENS: `admin:${TOKEN}` }, "api-tokens"],
    [
      "an auth proxy",
      { CALLBOARD_AUTH_PROXY_HEADER: "x-user", CALLBOARD_AUTH_PROXY_IPS: "127.0.0.1" },
      "auth-proxy",
    ],
  ])("are required in live mode with %s", (_name, env, method) => {
    const message = problem(env);
    expect(message).toContain(
      `CALLBOARD_AUTH_SECRET: is required in live mode once a sign-in method is configured (here: ${method})`,
    );
    expect(message).toContain("CALLBOARD_BASE_URL: is required");
    expect(problem(env, DEMO)).toBe("");
  });

  it("are not required in live mode without a sign-in method", () => {
    expect(problem({})).toBe("");
  });

  it("refuses a short secret without echoing it, in any mode", () => {
    const message = problem({ CALLBOARD_AUTH_SECRET: "tooshort-but-secret" }, DEMO);
    expect(message).toContain("CALLBOARD_AUTH_SECRET: must be at least 32 characters");
    expect(message).not.toContain("tooshort");
  });

  it("asks for the secret when local users turn out to exist", () => {
    expect(() => requireAuthSecret(parseAuthConfig({}, LIVE))).toThrow(
      /CALLBOARD_AUTH_SECRET.*local users/,
    );
    expect(requireAuthSecret(parseAuthConfig({ CALLBOARD_AUTH_SECRET: SECRET }, LIVE))).toBe(
      SECRET,
    );
  });

  it.each([
    "callboard.example.com",
    "ftp://callboard.example.com",
    "https://callboard.example.com/app",
    "https://u:p@callboard.example.com",
    "https://callboard.example.com/?x=1",
  ])("refuses CALLBOARD_BASE_URL %j", (value) => {
    expect(problem({ CALLBOARD_BASE_URL: value })).toContain("CALLBOARD_BASE_URL: must be");
  });

  it("keeps only the origin of the base URL", () => {
    expect(
      parseAuthConfig({ CALLBOARD_BASE_URL: "https://Callboard.Example.com:443/" }, LIVE).baseUrl,
    ).toBe("https://callboard.example.com");
  });
});

describe("parseAuthConfig: wrong values name their variable", () => {
  it.each([
    [
      { CALLBOARD_OIDC_ISSUER: OIDC.CALLBOARD_OIDC_ISSUER },
      [
        "CALLBOARD_OIDC_CLIENT_ID: is missing",
        "CALLBOARD_OIDC_CLIENT_SECRET: is missing: CALLBOARD_OIDC_ISSUER is set; set all three or none",
      ],
    ],
    [
      { CALLBOARD_OIDC_CLIENT_ID: "x", CALLBOARD_OIDC_CLIENT_SECRET: "y" },
      [
        "CALLBOARD_OIDC_ISSUER: is missing: CALLBOARD_OIDC_CLIENT_ID and CALLBOARD_OIDC_CLIENT_SECRET are set",
      ],
    ],
    [
      { CALLBOARD_OIDC_ROLES_CLAIM: "roles" },
      ["CALLBOARD_OIDC_ROLES_CLAIM: has no effect without CALLBOARD_OIDC_ISSUER"],
    ],
    [
      { CALLBOARD_OIDC_ROLE_MAP: "a:admin" },
      ["CALLBOARD_OIDC_ROLE_MAP: has no effect without OpenID Connect"],
    ],
    [
      { ...OIDC, ...SIGNED, CALLBOARD_OIDC_ROLE_MAP: "admins" },
      ["CALLBOARD_OIDC_ROLE_MAP: entry 1 must be group:role"],
    ],
    [
      { ...OIDC, ...SIGNED, CALLBOARD_OIDC_DEFAULT_ROLE: "admin" },
      [
        'CALLBOARD_OIDC_DEFAULT_ROLE: must be "viewer", "supervisor", "none" (admin only through CALLBOARD_OIDC_ROLE_MAP)',
      ],
    ],
    [
      { CALLBOARD_API_TOKENS: "admin:short" },
      ["CALLBOARD_API_TOKENS: entry 1: the token must be at least 32"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_HEADER: "x-user" },
      ["CALLBOARD_AUTH_PROXY_IPS: is required with CALLBOARD_AUTH_PROXY_HEADER"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_IPS: "10.0.0.1" },
      ["CALLBOARD_AUTH_PROXY_HEADER: is required with CALLBOARD_AUTH_PROXY_IPS"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_HEADER: "x user", CALLBOARD_AUTH_PROXY_IPS: "10.0.0.1" },
      ["CALLBOARD_AUTH_PROXY_HEADER: must be an HTTP header name"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_HEADER: "Authorization", CALLBOARD_AUTH_PROXY_IPS: "10.0.0.1" },
      ["CALLBOARD_AUTH_PROXY_HEADER: cannot be authorization"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_HEADER: "x-user", CALLBOARD_AUTH_PROXY_IPS: "10.0.0.0/40" },
      ["CALLBOARD_AUTH_PROXY_IPS: entry 1"],
    ],
    [
      { CALLBOARD_AUTH_PROXY_GROUPS_HEADER: "x-groups" },
      ["CALLBOARD_AUTH_PROXY_GROUPS_HEADER: has no effect without CALLBOARD_AUTH_PROXY_HEADER"],
    ],
    [
      { CALLBOARD_SESSION_IDLE_MINUTES: "2" },
      ["CALLBOARD_SESSION_IDLE_MINUTES: must be a whole number from 5 to 43200"],
    ],
    [
      { CALLBOARD_SESSION_MAX_HOURS: "1.5" },
      ["CALLBOARD_SESSION_MAX_HOURS: must be a whole number"],
    ],
    [
      { CALLBOARD_SESSION_IDLE_MINUTES: "600", CALLBOARD_SESSION_MAX_HOURS: "8" },
      [
        "CALLBOARD_SESSION_IDLE_MINUTES: the idle lifetime (600 min) must not exceed the absolute lifetime (8 h)",
      ],
    ],
    [
      { CALLBOARD_SESSION_MAX_HOURS: "2" },
      ["CALLBOARD_SESSION_MAX_HOURS: the idle lifetime (720 min)"],
    ],
    [
      { CALLBOARD_AUDIT_RETENTION_DAYS: "0" },
      ["CALLBOARD_AUDIT_RETENTION_DAYS: must be a whole number from 1"],
    ],
    [
      { CALLBOARD_AUDIT_RETENTION_DAYS: "forever" },
      ["CALLBOARD_AUDIT_RETENTION_DAYS: must be a whole number"],
    ],
    [
      { CALLBOARD_RECORDING_HOSTS: "recordings.example, https://x" },
      ['CALLBOARD_RECORDING_HOSTS: entry 2 ("https://x")'],
    ],
  ])("%j", (env, expected) => {
    const message = problem(env);
    for (const line of expected) expect(message).toContain(line);
  });

  it("lists every wrong variable at once", () => {
    const message = problem({
      CALLBOARD_AUDIT_RETENTION_DAYS: "0",
      CALLBOARD_SESSION_IDLE_MINUTES: "x",
    });
    expect(message).toContain("CALLBOARD_AUDIT_RETENTION_DAYS");
    expect(message).toContain("CALLBOARD_SESSION_IDLE_MINUTES");
  });

  it("never echoes a token, the secret or the client secret", () => {
    const message = problem({
      CALLBOARD_API_TOKENS: `admin:${TOKEN},viewer:${TOKEN}`,
      CALLBOARD_OIDC_CLIENT_SECRET: "client-secret-value",
      CALLBOARD_AUTH_SECRET: "short-secret-value",
    });
    expect(message).toContain("CALLBOARD_API_TOKENS: entry 2 repeats an earlier token");
    for (const secret of [TOKEN, "client-secret-value", "short-secret-value"])
      expect(message).not.toContain(secret);
  });
});

describe(".env.example", () => {
  it("lists every access-control variable, and its values parse", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = Object.fromEntries(
      [...text.matchAll(/^(CALLBOARD_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]),
    );
    for (const name of Object.keys(authEnvSchema.shape)) expect(listed, name).toHaveProperty(name);
    expect(problem(listed)).toBe("");
  });
});
