import type { Page } from "@playwright/test";

import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "../simulator/config";
import { startSimulatorServer, type SimulatorServer } from "../simulator/server";
import { expect, test } from "./fixtures";
import { busyDayRange } from "./helpers";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { signInCookies } from "./support/live-session";

/**
 * The fault matrix in the browser: the app in live mode against a simulator this spec runs
 * and switches, one fault per test, and what the calls page says — an explanation and the
 * server's sentence, or rows marked as not all of them. The server's own answers are tested
 * in app/api/calls/fault-matrix.test.ts (with a fake clock, so long back-offs too). The
 * call store is off here: its sync and backfill would spend the faults this spec switches
 * (the store's own failures are tested in lib/store/).
 */

const CODE = "e2e-faults-account-code";
const DAY = 86_400_000;
const base: SimulatorConfigOverrides = {
  code: CODE,
  seed: 8,
  callsPerDay: 12_000,
  rateLimit: 10_000,
};

let simulator: SimulatorServer;
let app: AppServer;
let cookies: Awaited<ReturnType<typeof signInCookies>>;
const VIEWER = {
  email: "fay.faults@callboard.test",
  role: "viewer",
  password: "fay-faults-password",
} as const;

function startSimulator(overrides: SimulatorConfigOverrides = {}) {
  return startSimulatorServer({
    config: defaultSimulatorConfig({ ...base, ...overrides, publicBaseUrl: "" }),
    port: E2E_PORTS.faultSimulator,
    host: "127.0.0.1",
  });
}

/** Replaces the simulator on its port (its account code or trusted IPs are fixed per server). */
async function restartSimulator(overrides: SimulatorConfigOverrides = {}) {
  await simulator.close();
  simulator = await startSimulator(overrides);
}

test.beforeAll(async () => {
  simulator = await startSimulator();
  app = await startAppServer(
    E2E_PORTS.faults,
    {
      VOICENTER_CODE: CODE,
      VOICENTER_API_URL: `http://127.0.0.1:${E2E_PORTS.faultSimulator}/hub/cdr/`,
      // long enough for a page of 10,000 records on a busy machine (at 1 s the first page
      // of "a load that breaks halfway" timed out, and the whole load rightly failed)
      VOICENTER_TIMEOUT_MS: "4000",
      VOICENTER_RATE_LIMIT: "600",
      CALLBOARD_STORE: "off",
      CALLBOARD_AUTH_SECRET: "e2e-faults-auth-secret-0123456789abcdef-0123",
      CALLBOARD_BASE_URL: `http://127.0.0.1:${E2E_PORTS.faults}`,
    },
    { users: [VIEWER] },
  );
  // once: sign-in attempts are limited per address
  cookies = await signInCookies(app.url, VIEWER.email, VIEWER.password);
});

test.beforeEach(async ({ context }) => {
  await context.addCookies(cookies);
});

test.afterAll(async () => {
  await app.close();
  await simulator.close();
});

test.afterEach(async () => {
  await restartSimulator();
});

/** A busy Tuesday `weeksAgo` weeks back: a day no other test here loads. */
function dayUrl(weeksAgo: number): string {
  const { from, to } = busyDayRange(Date.now() - (weeksAgo - 1) * 7 * DAY);
  return `${app.url}/calls?${new URLSearchParams({ from, to }).toString()}`;
}

/**
 * The page's error banner for `code`, with its explanation and the server's sentence. The
 * browser logs the refused request itself as a console error: that one is expected.
 */
async function expectError(
  page: Page,
  consoleErrors: string[],
  code: string,
  status: number,
  texts: RegExp[],
) {
  const banner = page.locator(`[role=alert][data-error-code="${code}"]`);
  await expect(banner).toBeVisible({ timeout: 45_000 });
  for (const text of texts) await expect(banner).toContainText(text);
  await expect(page.locator("tbody [role=row]")).toHaveCount(0);
  const expected = `Failed to load resource: the server responded with a status of ${status}`;
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (consoleErrors[i]?.startsWith(expected)) consoleErrors.splice(i, 1);
  }
}

test("latency beyond the upstream's timeout → the page says Voicenter did not answer in time", async ({
  page,
  consoleErrors,
}) => {
  simulator.simulator.setFaults({ latencyMs: 5_000 });
  await page.goto(dayUrl(1));
  await expectError(page, consoleErrors, "upstream_timeout", 504, [
    /Voicenter did not answer in time/,
    /the Voicenter API did not answer in time/,
  ]);
});

test("HTTP 5xx on every request → the page says Voicenter's server failed, with the status", async ({
  page,
  consoleErrors,
}) => {
  simulator.simulator.setFaults({ http5xxRate: 1 });
  await page.goto(dayUrl(2));
  await expectError(page, consoleErrors, "upstream_failed", 502, [
    /Voicenter's server failed/,
    /the Voicenter API failed \(HTTP 5\d\d\)/,
  ]);
});

for (const [what, faults, weeks] of [
  ["malformed", { malformedJsonRate: 1 }, 3],
  ["truncated", { truncatedJsonRate: 1 }, 4],
] as const) {
  test(`${what} JSON → the page says the answer could not be read`, async ({
    page,
    consoleErrors,
  }) => {
    simulator.simulator.setFaults(faults);
    await page.goto(dayUrl(weeks));
    await expectError(page, consoleErrors, "upstream_malformed", 502, [
      /could not be read/,
      /the Voicenter API sent an unreadable answer/,
    ]);
  });
}

test("error 2 (the account code refused) → the page names VOICENTER_CODE", async ({
  page,
  consoleErrors,
}) => {
  await restartSimulator({ code: "another-account-entirely" });
  await page.goto(dayUrl(5));
  await expectError(page, consoleErrors, "upstream_unauthorized", 502, [
    /refused the account code/,
    /check VOICENTER_CODE/,
  ]);
  await expect(page.locator("body")).not.toContainText(CODE);
});

test("error 4 (an untrusted IP) → the page names the IP Voicenter saw", async ({
  page,
  consoleErrors,
}) => {
  await restartSimulator({ trustedIps: ["198.51.100.7"] });
  await page.goto(dayUrl(6));
  await expectError(page, consoleErrors, "upstream_untrusted_ip", 502, [
    /does not trust this server's IP address/,
    /\(127\.0\.0\.1\)/,
  ]);
});

test("error 5 (a range the upstream refuses) → the page asks for a shorter or more recent range", async ({
  page,
  consoleErrors,
}) => {
  simulator.simulator.setFaults({ historyDays: 3 });
  await page.goto(dayUrl(7));
  await expectError(page, consoleErrors, "upstream_out_of_range", 422, [
    /Choose a shorter or more recent range/,
  ]);
});

test("a burst of error-1 answers is waited out, and the day loads whole", async ({ page }) => {
  simulator.simulator.setFaults({ rateLimitBurst: 2 });
  await page.goto(dayUrl(8));
  const count = page.getByTestId("call-count");
  // 5 s and then 10 s of back-off before the third attempt gets through.
  await expect(count).toHaveAttribute("data-complete", "true", { timeout: 50_000 });
  await expect(count).toHaveText(/^[\d,]+ conversations · [\d,]+ records$/);
  // (Next's route announcer is an alert of its own: only the page's count.)
  await expect(page.getByRole("main").locator("[role=alert]")).toHaveCount(0);
  await expect(page.locator("tbody [role=row]").first()).toBeVisible();
});

test("a load that breaks halfway is shown as not all of the calls, never as the whole", async ({
  page,
}) => {
  simulator.simulator.setFaults({ failAfterRequests: 1 });
  await page.goto(dayUrl(9));
  const count = page.getByTestId("call-count");
  await expect(count).toHaveAttribute("data-complete", "false", { timeout: 45_000 });
  await expect(count).toHaveText(/^10,000 records of about [\d,]+: not all of them$/);
  const warning = page.locator("[role=alert]").filter({ hasText: "could be loaded" });
  await expect(warning).toContainText(/^Only 10,000 of [\d,]+ calls could be loaded: .*HTTP 503/);
  await expect(warning.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.locator("tbody [role=row]").first()).toBeVisible();
});
