import { defaultSimulatorConfig } from "../simulator/config";
import { startSimulatorServer, type SimulatorServer } from "../simulator/server";
import { simulatedCallIds } from "../testing/simulator";
import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { signedLiveEnv } from "./support/live-env";
import { signInCookies } from "./support/live-session";

/**
 * The live tail in Chromium: live mode against a simulator this spec runs, whose clock it
 * holds back and then lets catch up — so a call the page has not seen becomes visible
 * upstream, the sync brings it into the store, and the page shows it (with no request of
 * its own to /api/calls, only to the store's tail). Then the switch turns it off.
 */

const CODE = "e2e-live-tail-account-code";
const VIEWER = {
  email: "tail-viewer@callboard.test",
  role: "viewer",
  password: "tail-viewer-pass-0123",
} as const;
const HOUR = 3_600_000;
/** How far the simulator's clock is held back (the sync's overlap reaches further). */
let lagMs = 0;
let simulator: SimulatorServer;
let app: AppServer;
// a sync interval (10 s), a tail ask (5 s) and a busy machine
test.describe.configure({ timeout: 150_000 });

test.beforeAll(async () => {
  simulator = await startSimulatorServer({
    config: defaultSimulatorConfig({
      code: CODE,
      seed: 77,
      callsPerDay: 30_000,
      rateLimit: 10_000,
      publicBaseUrl: "",
      now: () => Date.now() - lagMs,
    }),
    port: E2E_PORTS.tailSimulator,
    host: "127.0.0.1",
  });
  // the newest call visible now, hidden by holding the clock back just before it shows
  const now = Date.now();
  const visible = simulatedCallIds(simulator.simulator, { from: now - 8 * HOUR, to: now }, now);
  const newest = visible.at(-1);
  if (!newest) throw new Error("the simulator has no call in the last 8 hours");
  lagMs = 0;
  for (let lag = 60_000; lag < 8 * HOUR; lag += 60_000) {
    const seen = simulatedCallIds(
      simulator.simulator,
      { from: now - 8 * HOUR, to: now },
      now - lag,
    );
    if (!seen.includes(newest)) {
      // with room for the time the server takes to start and the page to load
      lagMs = lag + 10 * 60_000;
      break;
    }
  }
  newCall = newest;
  app = await startAppServer(
    E2E_PORTS.tail,
    signedLiveEnv("live-tail", {
      VOICENTER_CODE: CODE,
      VOICENTER_API_URL: `http://127.0.0.1:${E2E_PORTS.tailSimulator}/hub/cdr/`,
      CALLBOARD_BASE_URL: `http://127.0.0.1:${E2E_PORTS.tail}`,
      CALLBOARD_SYNC_INTERVAL_S: "10",
      CALLBOARD_SYNC_OVERLAP_MINUTES: String(Math.ceil(lagMs / 60_000) + 30),
      CALLBOARD_BACKFILL_DAYS: "0",
    }),
    { users: [VIEWER] },
  );
});

let newCall = "";

test.afterAll(async () => {
  await app.close();
  await simulator.close();
});

test("a call the sync brings appears in the table, from the store, and the switch stops it", async ({
  page,
  context,
}) => {
  await context.addCookies(await signInCookies(app.url, VIEWER.email, VIEWER.password));
  const asked: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/api/calls")) asked.push(path);
  });
  const from = new Date(Date.now() - 8 * HOUR).toISOString();
  const to = new Date(Date.now() + HOUR).toISOString();
  const search = new URLSearchParams({ from, to, rows: "records", sort: "Date.desc" });
  await page.goto(`${app.url}/calls?${search.toString()}`);
  await expect(page.getByTestId("call-count")).toHaveText(/^[\d,]+ records$/, { timeout: 60_000 });
  const before = Number((await page.getByTestId("call-count").textContent())?.replace(/\D/g, ""));
  await expect(page.locator(`[data-call-id="${newCall}"]`)).toHaveCount(0);
  await expect(page.getByTestId("live-tail")).toHaveAttribute("data-state", "following");
  const loads = asked.filter((p) => p === "/api/calls").length;

  // the upstream's clock catches up: the call is there now, for the next sync to bring
  lagMs = 0;
  await expect(page.locator(`[data-call-id="${newCall}"]`)).toBeVisible({ timeout: 45_000 });
  const after = Number((await page.getByTestId("call-count").textContent())?.replace(/\D/g, ""));
  expect(after).toBeGreaterThan(before);
  expect(asked.filter((p) => p === "/api/calls").length).toBe(loads);
  expect(asked).toContain("/api/calls/tail");

  // off: no more asking
  await page.getByTestId("live-tail").getByRole("button", { name: "Live" }).click();
  await expect(page.getByTestId("live-tail")).toHaveAttribute("data-state", "off");
  const tails = asked.length;
  await page.waitForTimeout(8_000);
  expect(asked.length).toBe(tails);
});
