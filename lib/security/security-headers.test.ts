import { describe, expect, it } from "vitest";

import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  isHttps,
  pageContentSecurityPolicy,
  securityHeaders,
} from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("pageContentSecurityPolicy", () => {
  const production = directives(
    pageContentSecurityPolicy({ nonce: "abc=", dev: false, https: false }),
  );

  it("runs only scripts that carry the nonce, or that they load", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc='", "'strict-dynamic'"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-abc='"]);
  });

  it("allows eval and unnonced styles only in development", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "abc=", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    for (const values of production.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("style-src")).not.toContain("'unsafe-inline'");
  });

  it("loads nothing from elsewhere and cannot be framed", () => {
    for (const name of ["default-src", "img-src", "font-src", "connect-src", "media-src"]) {
      expect(production.get(name), name).toEqual(["'self'"]);
    }
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets sign-in forms through the identity provider, and upgrades over HTTPS", () => {
    const policy = directives(
      pageContentSecurityPolicy({
        nonce: "n",
        dev: false,
        https: true,
        formActionOrigins: ["https://idp.example"],
      }),
    );
    expect(policy.get("form-action")).toEqual(["'self'", "https://idp.example"]);
    expect(policy.get("upgrade-insecure-requests")).toEqual([]);
  });
});

describe("securityHeaders", () => {
  it("sends the same hardening headers on pages and API responses", () => {
    const page = securityHeaders({ kind: "page", https: false, page: { nonce: "n", dev: false } });
    const api = securityHeaders({ kind: "api", https: false });
    for (const headers of [page, api]) {
      expect(headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "x-frame-options": "DENY",
      });
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["strict-transport-security"]).toBeUndefined();
    }
    expect(page["content-security-policy"]).toContain("'nonce-n'");
    expect(api["content-security-policy"]).toBe(API_CONTENT_SECURITY_POLICY);
  });

  it("adds HSTS only over HTTPS", () => {
    expect(securityHeaders({ kind: "api", https: true })["strict-transport-security"]).toMatch(
      /^max-age=\d{8}/,
    );
    expect(isHttps("https:", undefined)).toBe(true);
    expect(isHttps("http:", "https://callboard.example")).toBe(true);
    expect(isHttps("http:", "http://10.0.0.5:3000")).toBe(false);
    expect(isHttps("http:", undefined)).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
