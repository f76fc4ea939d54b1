import { describe, expect, it } from "vitest";

import { accessPolicy } from "./access-policy";
import { decideGate, isPublicPath, type GateRequest } from "./gate";

function request(path: string, extra: Partial<GateRequest> = {}): GateRequest {
  const url = new URL(path, "http://callboard.test");
  return {
    method: "GET",
    pathname: url.pathname,
    search: url.search,
    hasSession: false,
    hasApiCredential: false,
    ...extra,
  };
}

describe("accessPolicy: the switch", () => {
  it("keeps demo mode open whatever is configured", () => {
    expect(accessPolicy("demo", [])).toBe("open");
    expect(accessPolicy("demo", ["oidc", "api-tokens"])).toBe("open");
  });

  it("asks for sign-in in live mode once a method is configured", () => {
    expect(accessPolicy("live", ["oidc"])).toBe("sign-in");
    expect(accessPolicy("live", ["api-tokens"])).toBe("sign-in");
    expect(accessPolicy("live", ["auth-proxy"])).toBe("sign-in");
  });

  it("closes live mode without a method, and opens it for sign-in once local users exist", () => {
    expect(accessPolicy("live", [])).toBe("closed");
    expect(accessPolicy("live", ["local-users"])).toBe("sign-in");
  });
});

describe("decideGate with sign-in required", () => {
  it("sends a page request without a session to /login with the whole path and query", () => {
    expect(
      decideGate("sign-in", request("/calls?range=today&sort=Duration.desc&call=abc")),
    ).toEqual({
      action: "redirect",
      location: "/login?next=%2Fcalls%3Frange%3Dtoday%26sort%3DDuration.desc%26call%3Dabc",
    });
    expect(decideGate("sign-in", request("/"))).toEqual({ action: "redirect", location: "/login" });
  });

  it("drops the client router's _rsc marker from next", () => {
    expect(decideGate("sign-in", request("/calls?range=today&_rsc=1x2y"))).toEqual({
      action: "redirect",
      location: "/login?next=%2Fcalls%3Frange%3Dtoday",
    });
  });

  it("does not carry a path that would leave the origin", () => {
    expect(decideGate("sign-in", { ...request("/"), pathname: "//evil.example/x" })).toEqual({
      action: "redirect",
      location: "/login",
    });
  });

  it("answers an API request without a cookie or token with the 401 envelope", () => {
    expect(decideGate("sign-in", request("/api/calls?from=x"))).toMatchObject({
      action: "refuse",
      status: 401,
      code: "unauthorized",
    });
    expect(decideGate("sign-in", request("/api"))).toMatchObject({ status: 401 });
  });

  it("refuses a non-GET page request rather than redirecting it", () => {
    expect(decideGate("sign-in", request("/calls", { method: "POST" }))).toMatchObject({
      status: 401,
    });
    expect(decideGate("sign-in", request("/calls", { method: "HEAD" }))).toMatchObject({
      action: "redirect",
    });
  });

  it("lets a session through everywhere, and a token through /api only", () => {
    expect(decideGate("sign-in", request("/calls", { hasSession: true }))).toEqual({
      action: "pass",
    });
    expect(decideGate("sign-in", request("/api/calls", { hasSession: true }))).toEqual({
      action: "pass",
    });
    expect(decideGate("sign-in", request("/api/calls", { hasApiCredential: true }))).toEqual({
      action: "pass",
    });
    expect(decideGate("sign-in", request("/calls", { hasApiCredential: true }))).toMatchObject({
      action: "redirect",
    });
  });

  it.each([
    "/login",
    "/login?next=/calls",
    "/api/health",
    "/api/auth/sign-in/email",
    "/api/auth/callback/oidc",
    "/_next/static/chunks/a.js",
    "/icon.svg",
    "/favicon.ico",
  ])("passes the public %s", (path) => {
    expect(
      decideGate(
        "sign-in",
        request(path, { method: path.startsWith("/api/auth") ? "POST" : "GET" }),
      ),
    ).toEqual({ action: "pass" });
  });

  it.each([
    "/loginx",
    "/api/healthz",
    "/api/health/x",
    "/api/authx",
    "/api/auth%2F..%2Fcalls",
    "/_nextx",
    "/calls",
  ])("guards %s", (path) => {
    expect(isPublicPath(new URL(path, "http://x").pathname)).toBe(false);
  });
});

describe("decideGate when open or closed", () => {
  it("lets everything through when open", () => {
    expect(decideGate("open", request("/calls"))).toEqual({ action: "pass" });
    expect(decideGate("open", request("/api/calls", { method: "POST" }))).toEqual({
      action: "pass",
    });
  });

  it("serves only the notice when closed", () => {
    expect(decideGate("closed", request("/calls?range=today"))).toEqual({
      action: "redirect",
      location: "/login",
    });
    expect(decideGate("closed", request("/api/calls"))).toMatchObject({
      status: 503,
      code: "sign_in_not_configured",
    });
    expect(
      decideGate("closed", request("/api/calls", { hasApiCredential: true, hasSession: true })),
    ).toMatchObject({ status: 503 });
    expect(decideGate("closed", request("/login"))).toEqual({ action: "pass" });
    expect(decideGate("closed", request("/api/health"))).toEqual({ action: "pass" });
  });
});
