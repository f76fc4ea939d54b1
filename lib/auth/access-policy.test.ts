import { describe, expect, it } from "vitest";

import { describeAccess } from "./access-policy";
import { parseAuthConfig } from "./config";

const api = "https://api.voicenter.com/hub/cdr/";
const signed = { CALLBOARD_AUTH_SECRET: "x".repeat(32), CALLBOARD_BASE_URL: "https://cb.example" };

describe("describeAccess", () => {
  it("says what is exposed, once, at start", () => {
    expect(describeAccess(parseAuthConfig({}, { mode: "demo", apiUrl: api }))).toMatch(
      /open to everyone \(demo mode/,
    );
    expect(describeAccess(parseAuthConfig({}, { mode: "live", apiUrl: api }))).toMatch(
      /no sign-in method is configured, so no data is served; .*CALLBOARD_OIDC_ISSUER.*npm run users -- add <email> --role admin/,
    );
    const live = parseAuthConfig(
      {
        ...signed,
        CALLBOARD_OIDC_ISSUER: "https://idp.example",
        CALLBOARD_OIDC_CLIENT_ID: "cb",
        CALLBOARD_OIDC_CLIENT_SECRET: "s",
        CALLBOARD_OIDC_NAME: "Okta",
        CALLBOARD_API_TOKENS: `admin:${"a".repeat(32)},viewer:${"b".repeat(32)}`,
      },
      { mode: "live", apiUrl: api },
    );
    const line = describeAccess(live);
    expect(line).toBe("access: sign-in required — OpenID Connect (Okta), 2 API tokens");
    expect(line).not.toContain("a".repeat(32));
    expect(describeAccess(parseAuthConfig(signed, { mode: "live", apiUrl: api }), 1)).toBe(
      "access: sign-in required — 1 local user",
    );
  });
});
