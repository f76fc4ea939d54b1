import { cpus } from "node:os";

import { analyticsSection } from "./analytics";
import { apiCallsRangeSection } from "./api-calls-range";
import { applyPaintSection } from "./apply-paint";
import { conversationsSection } from "./conversations";
import { dbHealthSection } from "./db-health";
import { firstLoadJsSection } from "./first-load-js";
import { pagedOpenSection } from "./paged-open";
import { pagedYearSection } from "./paged-year";
import { errorText, type Section } from "./report";
import { serverMemorySection } from "./server-memory";
import { storeServeSection } from "./store-serve";
import { storeSyncSection } from "./store-sync";
import { tableBrowserSection } from "./table-browser";
import { tableSortSection } from "./table-sort";
import { viewersSection } from "./viewers";

/**
 * `npm run bench`: the figures behind DESIGN.md's performance budgets, each printed with its
 * budget beside it. Figures, not pass/fail: the exit code does not depend on them. Every
 * benchmark bounds its own time; all traffic stays on 127.0.0.1.
 */

const SECTIONS: Section[] = [
  analyticsSection,
  conversationsSection,
  tableSortSection,
  apiCallsRangeSection,
  viewersSection,
  serverMemorySection,
  firstLoadJsSection,
  tableBrowserSection,
  applyPaintSection,
  dbHealthSection,
  storeSyncSection,
  storeServeSection,
  pagedOpenSection,
  pagedYearSection,
];

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Callboard benchmarks — ${new Date().toISOString()}, node ${process.version}, ` +
      `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? "?"})`,
  );
  // `npm run bench -- apply memory`: only the sections whose title mentions one of the words.
  const words = process.argv.slice(2).map((w) => w.toLowerCase());
  const chosen = words.length
    ? SECTIONS.filter((s) => words.some((w) => s.title.toLowerCase().includes(w)))
    : SECTIONS;
  for (const section of chosen) {
    console.log(`\n${section.title}`);
    const sectionStarted = performance.now();
    try {
      for (const line of await section.run()) console.log(line);
    } catch (error) {
      console.log(`   failed: ${errorText(error)}`);
    }
    console.log(`   (${((performance.now() - sectionStarted) / 1000).toFixed(1)} s)`);
  }
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

void main().finally(() => {
  // Whatever a benchmark may have left open, the run ends here.
  setTimeout(() => process.exit(0), 1000).unref();
});
