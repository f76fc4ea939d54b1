import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { groupsFromClaims, parseRoleMap, roleForGroups } from "@/lib/auth/group-roles";
import { unwrap } from "@/testing/unwrap";

import { CookieJar } from "./cookie-jar";
import { startOidcProvider, type RunningOidcProvider } from "./oidc-provider";
import { TEST_ROLE_MAP, TEST_USERS, type TestUser } from "./oidc-users";

const APP = "http://127.0.0.1:39911";
const base64url = (bytes: Buffer) => bytes.toString("base64url");

let provider: RunningOidcProvider;
let discovery: Record<string, string | string[]>;

beforeAll(async () => {
  provider = await startOidcProvider({ appOrigins: [APP] });
  discovery = (await (await fetch(provider.discoveryUrl)).json()) as typeof discovery;
});
afterAll(() => provider.close());

const endpoint = (name: string) => String(discovery[name]);

/** Runs the browser's part of the authorization-code flow headlessly; returns the callback URL. */
async function authorize(
  user: Pick<TestUser, "email" | "password">,
  challenge: string,
  nonce: string,
) {
  const jar = new CookieJar(provider.issuer);
  const url = new URL(endpoint("authorization_endpoint"));
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: provider.client.id,
    redirect_uri: `${APP}/api/auth/callback/oidc`,
    scope: "openid email profile",
    state: "state-123",
    nonce,
    code_challenge: challenge,
    code_challenge_method: "S256",
  }).toString();
  let response = await jar.fetch(url.toString());
  expect(response.status).toBe(303);
  const interaction = new URL(response.headers.get("location") ?? "", provider.issuer);
  const form = await (await jar.fetch(interaction.toString())).text();
  const action = /<form method="post" action="([^"]+\/login)"/.exec(form)?.[1];
  expect(action, "the sign-in form").toBeTruthy();
  response = await jar.fetch(new URL(action ?? "", provider.issuer).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login: user.email, password: user.password }).toString(),
  });
  if (response.status !== 303) return { status: response.status, page: await response.text() };
  // Each hop stays on the provider until it sends the browser back to the app's callback.
  let location = new URL(response.headers.get("location") ?? "", provider.issuer);
  while (location.origin === provider.issuer) {
    response = await jar.fetch(location.toString());
    location = new URL(response.headers.get("location") ?? "", provider.issuer);
  }
  return { status: 303, callback: location };
}

async function exchange(code: string, verifier: string | undefined) {
  const response = await fetch(endpoint("token_endpoint"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: `${APP}/api/auth/callback/oidc`,
      client_id: provider.client.id,
      client_secret: provider.client.secret,
      ...(verifier ? { code_verifier: verifier } : {}),
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** Verifies the id_token's RS256 signature against the provider's published keys. */
async function verifiedClaims(idToken: string): Promise<Record<string, unknown>> {
  const [header = "", payload = "", signature = ""] = idToken.split(".");
  const { kid } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string };
  const { keys } = (await (await fetch(endpoint("jwks_uri"))).json()) as {
    keys: (JsonWebKey & { kid: string })[];
  };
  const jwk = keys.find((k) => k.kid === kid);
  expect(jwk, "the signing key is published").toBeDefined();
  const key = createPublicKey({ key: jwk as JsonWebKey, format: "jwk" });
  expect(
    verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url")),
  ).toBe(true);
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

function pkce() {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: base64url(createHash("sha256").update(verifier).digest()) };
}

describe("the test OpenID Connect provider", () => {
  it("publishes discovery for the code flow with PKCE", () => {
    expect(discovery.issuer).toBe(provider.issuer);
    expect(discovery.response_types_supported).toContain("code");
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.token_endpoint_auth_methods_supported).toContain("client_secret_post");
    expect(provider.client.redirectUris).toEqual([`${APP}/api/auth/callback/oidc`]);
  });

  it("signs in each user through the form and puts their groups in a signed id_token", async () => {
    const roles = { map: unwrap(parseRoleMap(TEST_ROLE_MAP)), defaultRole: "viewer" as const };
    for (const [role, user] of Object.entries(TEST_USERS)) {
      const { verifier, challenge } = pkce();
      const nonce = base64url(randomBytes(16));
      const result = await authorize(user, challenge, nonce);
      expect(result.callback?.origin, role).toBe(APP);
      expect(result.callback?.searchParams.get("state")).toBe("state-123");
      expect(result.callback?.searchParams.get("iss")).toBe(provider.issuer);
      const code = result.callback?.searchParams.get("code") ?? "";
      const tokens = await exchange(code, verifier);
      expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
      const claims = await verifiedClaims(tokens.body.id_token ?? "");
      expect(claims).toMatchObject({
        iss: provider.issuer,
        aud: provider.client.id,
        sub: user.id,
        nonce,
        email: user.email,
        email_verified: true,
      });
      expect(claims.groups).toEqual(user.groups);
      expect(roleForGroups(groupsFromClaims(claims, "groups"), roles)).toBe(
        role === "user" ? "viewer" : role,
      );
    }
  });

  it("refuses a code without its PKCE verifier, or with another one", async () => {
    const { challenge } = pkce();
    const first = await authorize(TEST_USERS.admin, challenge, "n1");
    const missing = await exchange(first.callback?.searchParams.get("code") ?? "", undefined);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_grant");
    const second = await authorize(TEST_USERS.admin, challenge, "n2");
    const wrong = await exchange(second.callback?.searchParams.get("code") ?? "", pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("invalid_grant");
  });

  it("shows the form again after a wrong password, and sends nobody back", async () => {
    const result = await authorize(
      { email: TEST_USERS.user.email, password: "wrong" },
      pkce().challenge,
      "n",
    );
    // The form again, as a page (a 4xx would be a console error in the browser).
    expect(result.status).toBe(200);
    expect(result.page).toContain("Wrong e-mail or password.");
    expect(result.page).toContain(`value="${TEST_USERS.user.email}"`);
  });

  it("refuses a redirect URI that is not the app's callback", async () => {
    const url = new URL(endpoint("authorization_endpoint"));
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: provider.client.id,
      redirect_uri: "http://evil.example/callback",
      scope: "openid",
      code_challenge: pkce().challenge,
      code_challenge_method: "S256",
    }).toString();
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("redirect_uri");
  });
});
