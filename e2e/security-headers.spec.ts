import type { APIResponse, Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";

const SERVERS = {
  demo: `http://127.0.0.1:${E2E_PORTS.demo}`,
  live: `http://127.0.0.1:${E2E_PORTS.live}`,
};

function hardened(response: APIResponse, what: string): Record<string, string> {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-powered-by"], what).toBeUndefined();
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"], what).toBeUndefined();
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  return headers;
}

function nonceOf(csp: string | undefined): string {
  return /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? "";
}

for (const [mode, origin] of Object.entries(SERVERS)) {
  test.describe(`security headers, ${mode} server`, () => {
    test("pages carry a nonce-based CSP, fresh per request, on every script", async ({
      request,
    }) => {
      for (const path of ["/calls?range=yesterday", "/login", "/no-such-page"]) {
        const response = await request.get(`${origin}${path}`);
        const headers = hardened(response, path);
        const csp = headers["content-security-policy"] ?? "";
        expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain("unsafe-eval");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        const html = await response.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, path).toBeGreaterThan(0);
        const nonce = nonceOf(csp);
        for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      }
      const again = await request.get(`${origin}/login`);
      const first = await request.get(`${origin}/login`);
      expect(nonceOf(again.headers()["content-security-policy"])).not.toBe(
        nonceOf(first.headers()["content-security-policy"]),
      );
    });

    test("API responses load nothing and are never framed", async ({ request }) => {
      const day = new Date(Date.now() - 2 * 86_400_000).toISOString();
      for (const path of [
        "/api/health",
        `/api/calls?from=${day}&to=${day}`,
        "/api/calls?from=bad",
        "/api/recordings/nope",
        "/api/no-such-route",
      ]) {
        const response = await request.get(`${origin}${path}`);
        const headers = hardened(response, path);
        expect(headers["content-security-policy"]).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
        expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
      }
    });

    test("build assets are nosniff too", async ({ request }) => {
      const html = await (await request.get(`${origin}/login`)).text();
      const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeTruthy();
      const response = await request.get(`${origin}${asset}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["x-powered-by"]).toBeUndefined();
    });

    test("over HTTPS (a TLS proxy in front) pages add HSTS and upgrade requests", async ({
      request,
    }) => {
      const response = await request.get(`${origin}/login`, {
        headers: { "x-forwarded-proto": "https" },
      });
      expect(response.headers()["strict-transport-security"]).toMatch(
        /^max-age=\d+; includeSubDomains$/,
      );
      expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    });
  });
}

/** Collects CSP violations the page reports (also caught as console errors by the fixture). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test("the CSP blocks nothing the dashboard uses: table, charts, drawer, player", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.goto(callsUrl({ type: "8", status: "ANSWER", minDur: "60" }));
  await waitForRows(page);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.locator("tbody [role=row]").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  const audio = page.getByTestId("recording-audio");
  await page.getByTestId("player-play").click();
  await expect
    .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(0.3);
  await page.getByRole("combobox", { name: "Language" }).selectOption("he");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(await violations()).toEqual([]);
});

test("the CSP blocks nothing on the sign-in page", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/login");
  await expect(page.getByTestId("demo-sign-in-viewer")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("an /api path without a route answers in the JSON envelope, not an HTML page", async ({
  request,
}) => {
  for (const method of ["GET", "POST"] as const) {
    const response = await request.fetch("/api/no-such-route/x", { method });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "there is no API route at /api/no-such-route/x" },
    });
  }
});
