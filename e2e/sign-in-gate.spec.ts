import { spawn } from "node:child_process";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";

/**
 * Live mode with a sign-in method configured (API tokens): the gate is on. Its own server,
 * so the shared ones keep serving the other specs as before.
 */
const canary = process.env.CALLBOARD_CANARY ?? "cbcanary-not-set";
const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef-0123456789";
const SECRET = "e2e-auth-secret-0123456789abcdef-0123456789";
const LIVE_ENV = {
  VOICENTER_CODE: canary,
  VOICENTER_API_URL: `http://127.0.0.1:${E2E_PORTS.simulator}/hub/cdr/`,
  CALLBOARD_TIMEZONE: "Asia/Jerusalem",
  CALLBOARD_BASE_URL: `http://127.0.0.1:${E2E_PORTS.gated}`,
};

test.describe("the sign-in gate in live mode", () => {
  let app: AppServer;

  test.beforeAll(async () => {
    app = await startAppServer(E2E_PORTS.gated, {
      ...LIVE_ENV,
      CALLBOARD_AUTH_SECRET: SECRET,
      CALLBOARD_API_TOKENS: `admin:${ADMIN_TOKEN}`,
    });
  });
  test.afterAll(() => app.close());

  test("says at start which sign-in methods are on, without the token", () => {
    expect(app.output()).toContain("access: sign-in required — 1 API token");
    expect(app.output()).not.toContain(ADMIN_TOKEN);
    expect(app.output()).not.toContain(SECRET);
  });

  test("sends a page request to /login with the whole original path and query", async ({
    request,
  }) => {
    const path = "/calls?range=today&queue=1,2&sort=Duration.desc&call=abc";
    const response = await request.get(`${app.url}${path}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    // Next writes a same-origin Location as a path.
    const location = new URL(response.headers().location ?? "", app.url);
    expect(location.origin).toBe(app.url);
    expect(location.pathname).toBe("/login");
    // Next re-encodes the query it hands the proxy (`1,2` as `1%2C2`): the same parameters.
    const next = new URL(location.searchParams.get("next") ?? "", app.url);
    expect(next.pathname).toBe("/calls");
    expect([...next.searchParams]).toEqual([...new URL(path, app.url).searchParams]);
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("a browser lands on the sign-in page, which keeps where it came from", async ({ page }) => {
    await page.goto(`${app.url}/calls?range=yesterday`);
    await expect(page).toHaveURL(
      `${app.url}/login?next=${encodeURIComponent("/calls?range=yesterday")}`,
    );
    await expect(
      page.getByRole("heading", { name: "No sign-in method is configured" }),
    ).toBeVisible();
    await expect(page.getByTestId("no-sign-in-notice")).toContainText("API tokens are configured");
  });

  test("answers /api/* without a cookie or token with the JSON error envelope", async ({
    request,
  }) => {
    for (const [path, headers] of [
      ["/api/calls?range=today", {}],
      ["/api/calls/progress", {}],
      ["/api/recordings/123", {}],
      [
        "/api/calls?range=today",
        { authorization: "Bearer not-a-configured-token-0123456789abcdef" },
      ],
      ["/api/calls?range=today", { authorization: `Basic ${ADMIN_TOKEN}` }],
      ["/api/calls?range=today", { cookie: "better-auth.session_token=forged" }],
    ] as const) {
      const response = await request.get(`${app.url}${path}`, { headers, maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
      expect(await response.json()).toEqual({
        error: {
          code: "unauthorized",
          message: "sign in first, or send an API token as Authorization: Bearer <token>",
        },
      });
    }
  });

  test("lets a configured API token through to the data", async ({ request }) => {
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const response = await request.get(`${app.url}/api/calls?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { calls: unknown[] }).calls.length).toBeGreaterThan(0);
    // A token is for /api/* only: pages still want a signed-in person.
    const page = await request.get(`${app.url}/calls`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      maxRedirects: 0,
    });
    expect(page.status()).toBe(307);
  });

  test("passes the sign-in page, Better Auth's routes, liveness and build assets", async ({
    request,
  }) => {
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);
    expect((await request.get(`${app.url}/login`)).status()).toBe(200);
    // Not mounted yet: the route itself answers (404), the gate does not (401).
    expect((await request.get(`${app.url}/api/auth/get-session`)).status()).not.toBe(401);
    const html = await (await request.get(`${app.url}/login`)).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1] ?? "";
    expect((await request.get(`${app.url}${asset}`)).status()).toBe(200);
    expect((await request.get(`${app.url}/icon.svg`)).status()).toBe(200);
  });
});

test.describe("start-up refuses a sign-in method without its secret", () => {
  test("names CALLBOARD_AUTH_SECRET and CALLBOARD_BASE_URL, and never echoes the token", async () => {
    const child = spawn("node_modules/.bin/next", ["start", "-p", String(E2E_PORTS.gated)], {
      env: {
        ...process.env,
        ...LIVE_ENV,
        CALLBOARD_BASE_URL: "",
        CALLBOARD_API_TOKENS: `viewer:${ADMIN_TOKEN}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Should it start after all, the test fails on the exit code rather than hanging.
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(output).toContain(
      "CALLBOARD_AUTH_SECRET: is required in live mode once a sign-in method is configured (here: api-tokens)",
    );
    expect(output).toContain("CALLBOARD_BASE_URL: is required");
    expect(output).not.toContain(ADMIN_TOKEN);
  });
});
