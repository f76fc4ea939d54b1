import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { test as base, expect } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { cookieHeader, liveCookies } from "./support/live-session";

// The live server wants a signed-in person: every request here carries the admin's session,
// so the pages and data it scans are the real ones, not the sign-in redirect.
const test = base.extend({
  request: async ({ playwright }, provide) => {
    const request = await playwright.request.newContext({
      extraHTTPHeaders: { cookie: cookieHeader(await liveCookies()) },
    });
    await provide(request);
    await request.dispose();
  },
});

/**
 * The build ran with a unique canary as VOICENTER_CODE (scripts/e2e.mjs), and the live
 * server below uses it against the simulator. It must appear in no client asset, no HTML
 * page and no /api response.
 */
const canary = process.env.CALLBOARD_CANARY ?? "";
const live = `http://127.0.0.1:${E2E_PORTS.live}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test.describe("the account code stays on the server", () => {
  test.skip(canary === "", "run through npm test, which sets CALLBOARD_CANARY");

  test("is in no file of .next/static and no prerendered HTML", () => {
    const files = [
      ...filesUnder(".next/static"),
      ...filesUnder(".next/server/app").filter((f) => /\.(html|rsc|body|meta)$/.test(f)),
    ];
    expect(files.length).toBeGreaterThan(10);
    const leaking = files.filter((file) => readFileSync(file).includes(canary));
    expect(leaking).toEqual([]);
  });

  test("is in no HTML page and no /api response of the live server", async ({ request }) => {
    const now = Date.now();
    const from = new Date(now - 86_400_000).toISOString();
    const to = new Date(now).toISOString();
    const urls = [
      "/",
      "/calls",
      "/calls?range=yesterday",
      "/api/health",
      `/api/calls?from=${from}&to=${to}`,
      `/api/calls?from=${from}&to=${to}&fields=RecordURL,CallerNumber`,
      `/api/calls?from=${from}&to=${to}&callId=nope`,
      "/api/calls?from=bad",
      "/api/calls",
      "/api/recordings/does-not-exist",
      "/no-such-page",
    ];
    for (const url of urls) {
      const response = await request.get(`${live}${url}`, { maxRedirects: 0 });
      const body = await response.text();
      expect(response.status(), url).toBeLessThan(500);
      expect(body.includes(canary), `${url} contains the account code`).toBe(false);
      expect(JSON.stringify(response.headers()).includes(canary), `${url} headers`).toBe(false);
    }
  });

  test("a calls response in live mode carries data but no RecordURL", async ({ request }) => {
    const now = Date.now();
    const response = await request.get(
      `${live}/api/calls?from=${new Date(now - 3 * 86_400_000).toISOString()}&to=${new Date(now - 2 * 86_400_000).toISOString()}`,
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { calls: Record<string, unknown>[]; mode: string };
    expect(body.mode).toBe("live");
    expect(body.calls.length).toBeGreaterThan(100);
    expect(body.calls.some((c) => "RecordURL" in c)).toBe(false);
    expect(body.calls.some((c) => c.HasRecording === true)).toBe(true);
  });
});
