// `npm run test:e2e`: builds the app with a unique canary as VOICENTER_CODE (so the secret
// scan has something to look for), then runs Playwright against system Chromium.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import * as z from "zod";

import { ensureChromium } from "./ensure-chromium.mjs";
import { bin, run } from "./run.mjs";

export const E2E_REPORT = "test-results/playwright.json";

const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number() }),
});

/**
 * Returns {passed, failed}; failed counts the build itself when it breaks.
 * @returns {Promise<{ passed: number; failed: number }>}
 */
export async function runE2e() {
  let chromium;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
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
    const { stats } = playwrightReport.parse(JSON.parse(readFileSync(E2E_REPORT, "utf8")));
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
