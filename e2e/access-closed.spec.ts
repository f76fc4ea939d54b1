import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { liveEnv } from "./support/live-env";
import { listAppRoutes } from "./support/route-tree";

/**
 * Live mode with no sign-in method at all (no SSO, no local users, no tokens, no proxy)
 * serves no data: every page ends on the notice that says what to configure, every API
 * route answers sign_in_not_configured, and the log says it once at start.
 */
const ROUTES = listAppRoutes(process.cwd());
const OPEN = new Set([
  "/login",
  "/icon.svg",
  "/api/health",
  "/api/auth/[...all]",
  "/api/openapi.json",
]);

test.describe("live mode with no sign-in method", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startAppServer(E2E_PORTS.gated, liveEnv());
  });
  test.afterAll(() => app.close());

  test("says so once at start", () => {
    const lines = app
      .output()
      .split("\n")
      .filter((l) => l.includes("no sign-in method is configured"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no data is served");
  });

  test("every page shows the notice", async ({ page }) => {
    const pages = ROUTES.filter((r) => r.kind === "page" && !OPEN.has(r.pattern));
    expect(pages.length).toBeGreaterThan(3);
    for (const route of pages) {
      await page.goto(`${app.url}${route.path}`);
      await expect(page.getByTestId("no-sign-in-notice"), route.path).toBeVisible();
      await expect(
        page.getByRole("heading", { name: "No sign-in method is configured" }),
      ).toBeVisible();
    }
  });

  test("every API route answers sign_in_not_configured", async ({ request }) => {
    for (const route of ROUTES.filter((r) => r.kind === "api" && !OPEN.has(r.pattern))) {
      for (const method of route.methods) {
        const response = await request.fetch(`${app.url}${route.path}`, {
          method,
          maxRedirects: 0,
        });
        expect(response.status(), `${method} ${route.path}`).toBe(503);
        if (method === "HEAD") continue;
        expect(await response.json(), `${method} ${route.path}`).toMatchObject({
          error: { code: "sign_in_not_configured" },
        });
      }
    }
    const signIn = await request.post(`${app.url}/api/auth/sign-in/email`, {
      data: { email: "x@example.com", password: "whatever-long" },
    });
    expect(signIn.status()).toBe(503);
  });
});
