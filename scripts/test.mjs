// `npm test`: every check — typecheck, lint, formatting, unit + integration (Vitest), e2e (Playwright).
// Runs them all even when one fails, then prints one line summing every runner.
import { mkdirSync, readFileSync } from "node:fs";
import * as z from "zod";

import { runE2e } from "./e2e.mjs";
import { bin, run } from "./run.mjs";

const vitestReportSchema = z.object({ numPassedTests: z.number(), numFailedTests: z.number() });

/** @type {{ name: string; passed: number; failed: number }[]} */
const results = [];

/**
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 */
async function check(name, command, args) {
  console.log(`\n== ${name} ==`);
  const code = await run(command, args);
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

mkdirSync("test-results", { recursive: true });
await check("typecheck", bin("tsc"), ["--noEmit"]);
await check("lint", bin("eslint"), ["--max-warnings=0", "."]);
await check("format", bin("prettier"), ["--check", "."]);

console.log("\n== vitest (unit + integration) ==");
const vitestReport = "test-results/vitest.json";
const vitestCode = await run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
try {
  const report = vitestReportSchema.parse(JSON.parse(readFileSync(vitestReport, "utf8")));
  const failed = report.numFailedTests + (vitestCode !== 0 && report.numFailedTests === 0 ? 1 : 0);
  results.push({ name: "vitest", passed: report.numPassedTests, failed });
} catch {
  results.push({ name: "vitest", passed: 0, failed: 1 });
}

results.push({ name: "e2e", ...(await runE2e()) });

console.log("\n== summary ==");
for (const r of results) console.log(`${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
