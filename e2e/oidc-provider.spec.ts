import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startOidcProvider, type RunningOidcProvider } from "./support/oidc-provider";
import { TEST_USERS } from "./support/oidc-users";

/**
 * The test identity provider in real Chromium: its sign-in form is filled as a person would,
 * and the browser is sent back to the client's callback with a code whose tokens carry the
 * user's groups. Until Better Auth is mounted, the callback is a small server of this spec
 * (Playwright cannot intercept a request the browser reaches through a redirect).
 */
let provider: RunningOidcProvider;
let catcher: Server;
let callbackBase = "";
const callbacks: URL[] = [];

test.beforeAll(async () => {
  catcher = createServer((req, res) => {
    callbacks.push(new URL(req.url ?? "/", callbackBase));
    res.writeHead(req.url?.startsWith("/favicon") ? 204 : 200, { "content-type": "text/html" });
    res.end("<!doctype html><html lang=en><title>callback</title><p>Back at the app</p></html>");
  });
  await new Promise<void>((resolve) => catcher.listen(0, "127.0.0.1", resolve));
  callbackBase = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`;
  provider = await startOidcProvider({ appOrigins: [callbackBase] });
});
test.afterAll(async () => {
  await provider.close();
  await new Promise((resolve) => catcher.close(resolve));
});

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

function authorizationUrl(challenge: string, state: string): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: provider.client.id,
    redirect_uri: provider.client.redirectUris[0] ?? "",
    scope: "openid email profile",
    state,
    nonce: randomBytes(8).toString("hex"),
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${provider.issuer}/auth?${params.toString()}`;
}

function lastCallback(): URL | undefined {
  return callbacks.filter((url) => url.pathname === "/api/auth/callback/oidc").at(-1);
}

test.describe("the test OpenID Connect provider in a browser", () => {
  test("Playwright's webServer runs it beside the app servers", async ({ request }) => {
    const issuer = `http://127.0.0.1:${E2E_PORTS.oidc}`;
    const discovery = await request.get(`${issuer}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(issuer);
  });

  test("a person signs in through its form and comes back with a code", async ({
    page,
    request,
  }) => {
    const { verifier, challenge } = pkce();
    await page.goto(authorizationUrl(challenge, "s-1"));
    await page.getByLabel("E-mail").fill(TEST_USERS.supervisor.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong e-mail or password.");
    await page.getByLabel("Password").fill(TEST_USERS.supervisor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Back at the app")).toBeVisible();
    const callback = lastCallback();
    expect(callback?.searchParams.get("state")).toBe("s-1");

    const tokens = await request.post(`${provider.issuer}/token`, {
      form: {
        grant_type: "authorization_code",
        code: callback?.searchParams.get("code") ?? "",
        redirect_uri: provider.client.redirectUris[0] ?? "",
        client_id: provider.client.id,
        client_secret: provider.client.secret,
        code_verifier: verifier,
      },
    });
    expect(tokens.status()).toBe(200);
    const idToken = ((await tokens.json()) as { id_token: string }).id_token;
    const claims = JSON.parse(
      Buffer.from(idToken.split(".")[1] ?? "", "base64url").toString(),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      email: TEST_USERS.supervisor.email,
      groups: ["cc-supervisors", "staff"],
    });
  });

  test("cancelling sends the browser back with access_denied", async ({ page }) => {
    await page.goto(authorizationUrl(pkce().challenge, "s-2"));
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("Back at the app")).toBeVisible();
    expect(lastCallback()?.searchParams.get("error")).toBe("access_denied");
    expect(lastCallback()?.searchParams.get("state")).toBe("s-2");
  });
});
