import { resolve } from "node:path";
import { defineConfig, devices } from "@playwright/test";

import { E2E_PORTS } from "./e2e/ports";
import {
  LIVE_ACCOUNT,
  LIVE_API_TOKEN,
  LIVE_AUTH_SECRET,
  LIVE_ORIGIN,
} from "./e2e/support/live-session";
import { USERS_CLI } from "./e2e/support/users-cli";

const canary = process.env.CALLBOARD_CANARY ?? "cbcanary-not-set";
const chromiumPath = process.env.CHROMIUM_PATH || undefined;
const common = { NEXT_TELEMETRY_DISABLED: "1", CALLBOARD_TIMEZONE: "Asia/Jerusalem" };
// The live server's own embedded database, made afresh each run with its one local admin.
// absolute: the app server runs from the standalone folder, the CLI from the checkout
const LIVE_DATA_DIR = resolve(".callboard/e2e-live");
const addLiveAdmin = [
  "node_modules/.bin/tsx",
  ...USERS_CLI,
  "add",
  LIVE_ACCOUNT.email,
  "--role",
  LIVE_ACCOUNT.role,
  "--password-stdin",
].join(" ");
/**
 * The app servers run the production start (scripts/start.mjs): Next's standalone server
 * with the static files beside it, exactly as the container image runs it. Their call
 * stores backfill two days only, so the suite's machine is not busy with history.
 */
const app = (port: number) => ({
  ...common,
  PORT: String(port),
  HOSTNAME: "127.0.0.1",
  CALLBOARD_BACKFILL_DAYS: "2",
});

export default defineConfig({
  testDir: "e2e",
  // e2e/support holds helpers and their own Vitest tests, not specs.
  testMatch: "**/*.spec.ts",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORTS.demo}`,
    trace: "retain-on-failure",
    timezoneId: "Asia/Jerusalem",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--no-first-run",
            "--autoplay-policy=no-user-gesture-required",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The simulator as a standalone upstream on loopback, accepting only the canary code.
      command: "node_modules/.bin/tsx simulator/main.ts",
      url: `http://127.0.0.1:${E2E_PORTS.simulator}/hub/cdr/`,
      env: {
        ...common,
        SIMULATOR_PORT: String(E2E_PORTS.simulator),
        SIMULATOR_CODE: canary,
        SIMULATOR_RATE_LIMIT: "120",
        // A busy call center, so a ten-day range holds more than 100,000 calls.
        SIMULATOR_CALLS_PER_DAY: "15000",
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A real OpenID Connect provider on loopback; the app servers may sign in through it.
      command: "node_modules/.bin/tsx e2e/support/oidc-provider-main.ts",
      url: `http://127.0.0.1:${E2E_PORTS.oidc}/.well-known/openid-configuration`,
      env: {
        ...common,
        OIDC_PROVIDER_PORT: String(E2E_PORTS.oidc),
        OIDC_APP_ORIGINS: [E2E_PORTS.demo, E2E_PORTS.live, E2E_PORTS.gated]
          .map((port) => `http://127.0.0.1:${port}`)
          .join(","),
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // Demo mode: no account code, the simulator runs inside the app.
      command: "node scripts/start.mjs",
      url: `http://127.0.0.1:${E2E_PORTS.demo}/api/health`,
      env: { ...app(E2E_PORTS.demo), VOICENTER_CODE: "" },
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // Live mode against the standalone simulator, with the canary as the account code;
      // sign-in required (an API token and a local admin the specs sign in as).
      command: `rm -rf ${LIVE_DATA_DIR} && printf %s '${LIVE_ACCOUNT.password}' | ${addLiveAdmin} && exec node scripts/start.mjs`,
      url: `http://127.0.0.1:${E2E_PORTS.live}/api/health`,
      env: {
        ...app(E2E_PORTS.live),
        VOICENTER_CODE: canary,
        VOICENTER_API_URL: `http://127.0.0.1:${E2E_PORTS.simulator}/hub/cdr/`,
        CALLBOARD_DATA_DIR: LIVE_DATA_DIR,
        CALLBOARD_AUTH_SECRET: LIVE_AUTH_SECRET,
        CALLBOARD_BASE_URL: LIVE_ORIGIN,
        CALLBOARD_API_TOKENS: `admin:${LIVE_API_TOKEN}`,
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
