// `npm run test:e2e`: builds the app with a unique canary as VOICENTER_CODE (so the secret
// scan has something to look for), then runs Playwright against system Chromium.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";

import { ensureChromium } from "./ensure-chromium.mjs";
import { bin, run } from "./run.mjs";

export const E2E_REPORT = "test-results/playwright.json";

/** Returns {passed, failed}; failed counts the build itself when it breaks. */
export async function runE2e() {
  let chromium;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(error.message);
    return { passed: 0, failed: 1 };
  }
  const canary = `cbcanary${randomBytes(12).toString("hex")}`;
  const env = { VOICENTER_CODE: canary, CALLBOARD_CANARY: canary, CHROMIUM_PATH: chromium ?? "" };
  console.log("\n== next build (VOICENTER_CODE = a fresh canary) ==");
  if ((await run(bin("next"), ["build"], env)) !== 0) return { passed: 0, failed: 1 };
  mkdirSync("test-results", { recursive: true });
  console.log("\n== playwright ==");
  const code = await run(bin("playwright"), ["test"], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_REPORT,
  });
  try {
    const stats = JSON.parse(readFileSync(E2E_REPORT, "utf8")).stats;
    const failed = stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
    return { passed: stats.expected + stats.flaky, failed };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = await runE2e();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
