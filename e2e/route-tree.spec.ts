import type { APIRequestContext } from "@playwright/test";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { signedLiveEnv } from "./support/live-env";
import { listAppRoutes, type AppRoute, type HttpMethod } from "./support/route-tree";

/**
 * Every route of the app/ tree (pages and every method of every /api handler), requested
 * without a session against a real `next start` in live mode with sign-in configured: each
 * refuses — pages send the browser to /login?next=<the path>, the API answers 401 — except
 * the few that are public by design. Each is asked twice: with nothing (proxy.ts refuses)
 * and with a forged session cookie or token (proxy.ts lets those through: the route's own
 * check must refuse). A route someone adds is in the list without anyone adding it here.
 */
const PUBLIC: Readonly<Record<string, string>> = {
  "/login": "the sign-in page",
  "/icon.svg": "the favicon",
  "/api/health": "liveness for load balancers",
  "/api/auth/[...all]": "Better Auth's sign-in routes",
};

const ROUTES = listAppRoutes(process.cwd());
const FORGED = [
  {
    what: "a forged session cookie",
    headers: { cookie: "better-auth.session_token=forged.signature" },
  },
  {
    what: "an unknown API token",
    headers: { authorization: "Bearer cbt_not-a-real-token-0123456789abcdef0123" },
  },
] as const;

function call(
  request: APIRequestContext,
  method: HttpMethod,
  url: string,
  headers: Record<string, string> = {},
) {
  const body = ["POST", "PUT", "PATCH", "DELETE"].includes(method) ? "{}" : undefined;
  return request.fetch(url, {
    method,
    headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    data: body,
    maxRedirects: 0,
  });
}

test.describe("every route refuses a request without a session", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startAppServer(
      E2E_PORTS.gated,
      signedLiveEnv("route-tree", {
        CALLBOARD_API_TOKENS: `viewer:route-tree-token-0123456789abcdef-0123456789`,
      }),
      {
        users: [{ email: "rita@callboard.test", role: "admin", password: "route-tree-password-1" }],
      },
    );
  });
  test.afterAll(() => app.close());

  test("the tree holds the routes this test was written against, and every one is checked", () => {
    const patterns = ROUTES.map((r) => r.pattern);
    for (const known of [
      "/",
      "/calls",
      "/login",
      "/admin/users",
      "/api/calls",
      "/api/audit",
      "/api/[...path]",
    ]) {
      expect(patterns).toContain(known);
    }
    for (const pattern of Object.keys(PUBLIC)) {
      expect(patterns, `public ${pattern} still exists`).toContain(pattern);
    }
  });

  for (const route of ROUTES.filter((r) => !(r.pattern in PUBLIC))) {
    test(`${route.kind} ${route.pattern} (${route.methods.join(", ")})`, async ({ request }) => {
      await expectRefused(request, app.url, route);
    });
  }

  test("the public routes answer without a session, and give nothing away", async ({ request }) => {
    for (const route of ROUTES.filter((r) => r.pattern in PUBLIC)) {
      for (const method of route.methods) {
        const response = await call(request, method, `${app.url}${route.path}`);
        expect(response.status(), `${method} ${route.path}`).toBeLessThan(500);
        expect([401, 403], `${method} ${route.path}`).not.toContain(response.status());
      }
    }
    expect((await request.get(`${app.url}/api/health`)).status()).toBe(200);
    expect((await request.get(`${app.url}/login`)).status()).toBe(200);
  });
});

async function expectRefused(request: APIRequestContext, origin: string, route: AppRoute) {
  const url = `${origin}${route.path}`;
  for (const method of route.methods) {
    for (const attempt of [{ what: "nothing", headers: {} }, ...FORGED]) {
      const what = `${method} ${route.path} with ${attempt.what}`;
      const response = await call(request, method, url, attempt.headers);
      if (route.kind === "api") {
        expect(response.status(), what).toBe(401);
        if (method !== "HEAD") {
          expect((await response.json()) as unknown, what).toMatchObject({
            error: { code: "unauthorized" },
          });
        }
        continue;
      }
      // a page: to the sign-in page, carrying the page to come back to
      expect([302, 303, 307, 308], what).toContain(response.status());
      const location = new URL(response.headers().location ?? "", origin);
      expect(location.pathname, what).toBe("/login");
      if (route.path !== "/") expect(location.searchParams.get("next"), what).toBe(route.path);
    }
  }
}
