import { describe, expect, it } from "vitest";

import { loginErrorFromQuery, loginErrorFromStatus } from "./login-errors";
import { loginOptions } from "./login-options";

const oidc = {
  providerId: "oidc" as const,
  issuer: "https://idp.example",
  discoveryUrl: "https://idp.example/.well-known/openid-configuration",
  clientId: "cb",
  clientSecret: "s",
  displayName: "Okta",
  rolesClaim: "groups",
};

describe("loginOptions", () => {
  it("offers demo sign-ins per role and the form in demo mode", () => {
    expect(loginOptions({ mode: "demo", methods: [], oidc: undefined }, false)).toEqual({
      mode: "demo",
      demoRoles: ["viewer", "supervisor", "admin"],
      password: true,
      provider: undefined,
      notConfigured: false,
      apiTokens: false,
    });
  });

  it("offers the provider button and the form in live mode with OIDC", () => {
    const options = loginOptions({ mode: "live", methods: ["oidc"], oidc }, false);
    expect(options.provider).toEqual({ id: "oidc", name: "Okta" });
    expect(options.password).toBe(true);
    expect(options.demoRoles).toEqual([]);
    expect(options.notConfigured).toBe(false);
  });

  it("shows the notice in live mode when no person can sign in", () => {
    expect(loginOptions({ mode: "live", methods: [], oidc: undefined }, false)).toMatchObject({
      notConfigured: true,
      password: false,
    });
    expect(
      loginOptions({ mode: "live", methods: ["api-tokens"], oidc: undefined }, false),
    ).toMatchObject({
      notConfigured: true,
      apiTokens: true,
    });
    expect(loginOptions({ mode: "live", methods: [], oidc: undefined }, true).notConfigured).toBe(
      false,
    );
    expect(
      loginOptions({ mode: "live", methods: ["auth-proxy"], oidc: undefined }, false).notConfigured,
    ).toBe(false);
  });
});

describe("login errors", () => {
  it("maps Better Auth's and the provider's codes, and hides anything else", () => {
    expect(loginErrorFromQuery("access_denied")).toBe("access_denied");
    expect(loginErrorFromQuery("ACCOUNT_NOT_LINKED")).toBe("account_not_linked");
    expect(loginErrorFromQuery("signup_disabled")).toBe("role_refused");
    expect(loginErrorFromQuery("banned")).toBe("account_disabled");
    expect(loginErrorFromQuery("BANNED_USER")).toBe("account_disabled");
    expect(loginErrorFromQuery("<script>alert(1)</script>")).toBe("generic");
    expect(loginErrorFromQuery("toString")).toBe("generic");
    expect(loginErrorFromQuery("")).toBeUndefined();
    expect(loginErrorFromQuery(["access_denied"])).toBeUndefined();
  });

  it("maps a failed request's status", () => {
    expect(loginErrorFromStatus(401)).toBe("invalid_credentials");
    expect(loginErrorFromStatus(429)).toBe("rate_limited");
    expect(loginErrorFromStatus(403)).toBe("account_disabled");
    expect(loginErrorFromStatus(404)).toBe("unavailable");
    expect(loginErrorFromStatus(500)).toBe("unavailable");
  });
});
