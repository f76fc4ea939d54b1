import type { Browser, Page } from "playwright";

import { launchChromium, serveBundles } from "./browser/harness";
import type { ScrollResult } from "./browser/probe";
import { simulatedRecords } from "./conversations";
import { figure, ms, note, percentile, type Section } from "./report";
import { median } from "./stats";

const RUNS = 3;
const SCROLL_MS = 2000;
const SCROLL_STEP_PX = 160;
const FILTER_TEXT = "dana";
/** The simulator's records: a queue name (about one call in ten). */
const SIM_FILTER_TEXT = "billing";
const BUDGET_SHARE = 0.5;
const MAX_ROW_ELEMENTS = 100;
const PAGE_TIMEOUT_MS = 60_000;
const GRIDS = { ours: "Callboard", ag: "AG Grid" } as const;
const GROUPING_BUDGET_MS = 100;
type Grid = keyof typeof GRIDS;

interface Run {
  mount: number;
  sort: number;
  filter: number;
  clear: number;
  scroll: ScrollResult;
  rows: number;
  shown: number;
}

/** One fresh page: mount, sort by Duration, text filter, clear it, scroll for 2 s. */
async function runOnce(page: Page, url: string, filterText: string): Promise<Run> {
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench !== undefined);
  return page.evaluate(
    async ({ text, scrollMs, step }) => {
      const bench = window.__bench;
      if (!bench) throw new Error("no probe");
      const mount = await bench.mount();
      const sort = await bench.sort();
      const filter = await bench.filter(text);
      const shown = bench.shownRows();
      const clear = await bench.filter("");
      const scroll = await bench.scroll(scrollMs, step);
      return { mount, sort, filter, clear, scroll, rows: bench.rowElements(), shown };
    },
    { text: filterText, scrollMs: SCROLL_MS, step: SCROLL_STEP_PX },
  );
}

const ratio = (ours: number, ag: number): string => `${(ours / ag).toFixed(2)}×`;

function comparison(label: string, ours: number, ag: number): string[] {
  return [
    figure(`${label}: Callboard`, ms(ours)),
    figure(`${label}: AG Grid`, ms(ag)),
    figure(`${label}: Callboard / AG Grid`, ratio(ours, ag), {
      text: `≤ ${BUDGET_SHARE.toFixed(2)}×`,
      within: ours <= BUDGET_SHARE * ag,
    }),
  ];
}

/** Every run of one scenario, both grids alternating (neither always gets the warmer browser). */
async function runScenario(
  browser: Browser,
  origin: string,
  query: Record<Grid, string>,
  filterText: string,
): Promise<Record<Grid, Run[]>> {
  const runs: Record<Grid, Run[]> = { ours: [], ag: [] };
  for (let i = 0; i < RUNS; i++) {
    const order: Grid[] = i % 2 === 0 ? ["ours", "ag"] : ["ag", "ours"];
    for (const grid of order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        runs[grid].push(await runOnce(page, `${origin}/${grid}.html${query[grid]}`, filterText));
      } finally {
        await context.close();
      }
    }
  }
  return runs;
}

function report(runs: Record<Grid, Run[]>, filterText: string): string[] {
  const med = (grid: Grid, pick: (r: Run) => number) => median(runs[grid].map(pick));
  const p95 = (r: Run) => percentile(r.scroll.frames, 95);
  const [oursP95, agP95] = [med("ours", p95), med("ag", p95)];
  const [oursRows, agRows] = [
    Math.max(...runs.ours.map((r) => r.scroll.maxRows)),
    Math.max(...runs.ag.map((r) => r.scroll.maxRows)),
  ];
  const shown = (grid: Grid) => runs[grid].map((r) => r.shown).join("/");
  const frames = (grid: Grid) => runs[grid].map((r) => r.scroll.frames.length).join("/");
  const scrolled = (grid: Grid) => runs[grid].map((r) => Math.round(r.scroll.scrolledPx)).join("/");
  return [
    ...comparison(
      "render",
      med("ours", (r) => r.mount),
      med("ag", (r) => r.mount),
    ),
    ...comparison(
      "sort by Duration",
      med("ours", (r) => r.sort),
      med("ag", (r) => r.sort),
    ),
    ...comparison(
      `filter "${filterText}"`,
      med("ours", (r) => r.filter),
      med("ag", (r) => r.filter),
    ),
    note(`rows left by the filter — Callboard ${shown("ours")}, AG Grid ${shown("ag")}`),
    figure("clear the filter: Callboard", ms(med("ours", (r) => r.clear))),
    figure("clear the filter: AG Grid", ms(med("ag", (r) => r.clear))),
    figure("scrolling p95 frame: Callboard", ms(oursP95), {
      text: `≤ AG Grid's (${ms(agP95)})`,
      within: oursP95 <= agP95,
    }),
    figure("scrolling p95 frame: AG Grid", ms(agP95)),
    figure("row elements in DOM, max: Callboard", String(oursRows), {
      text: `≤ ${MAX_ROW_ELEMENTS}`,
      within: oursRows <= MAX_ROW_ELEMENTS,
    }),
    figure("row elements in DOM, max: AG Grid", String(agRows)),
    note(
      `scroll: ${SCROLL_STEP_PX} px per frame for ${SCROLL_MS / 1000} s; frames Callboard ` +
        `${frames("ours")}, AG Grid ${frames("ag")}; px scrolled ${scrolled("ours")} / ${scrolled("ag")}`,
    ),
  ];
}

/**
 * Grouping alone, in Chromium, over the simulator's records: its first run on a fresh page
 * (cold code: what a page load pays) and later runs (warm), medians over fresh pages.
 */
async function groupingInBrowser(
  browser: Browser,
  origin: string,
): Promise<{ cold: number; warm: number }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(PAGE_TIMEOUT_MS);
      await page.goto(`${origin}/ours.html?data=sim&grouping`, { waitUntil: "load" });
      await page.waitForFunction(() => window.__groupingMs !== undefined);
      const [first = NaN, ...rest] = await page.evaluate(() => window.__groupingMs?.(5) ?? []);
      cold.push(first);
      warm.push(median(rest));
    } finally {
      await context.close();
    }
  }
  return { cold: median(cold), warm: median(warm) };
}

/**
 * 7. Our CallsTable vs AG Grid Community in Chromium, 100,000 rows each, same run: the
 * synthetic records one row each, and the simulator's records as /calls shows them by
 * default — one row per conversation, legs beneath (grouped before timing; grouping is timed
 * on its own) — against AG Grid showing the same records flat (Community has no tree data).
 */
export const tableBrowserSection: Section = {
  title: `7. 100,000 loaded rows in Chromium: Callboard's table vs AG Grid Community (median of ${RUNS} runs)`,
  async run() {
    const site = await serveBundles(
      { ours: "bench/browser/ours-page.tsx", ag: "bench/browser/ag-grid-page.tsx" },
      { "records.json": JSON.stringify(simulatedRecords()) },
    );
    const browser = await launchChromium().catch(async (error: unknown) => {
      await site.close();
      throw error;
    });
    try {
      const records = await runScenario(browser, site.origin, { ours: "", ag: "" }, FILTER_TEXT);
      const conversations = await runScenario(
        browser,
        site.origin,
        { ours: "?data=sim&rows=conversations", ag: "?data=sim" },
        SIM_FILTER_TEXT,
      );
      const grouping = await groupingInBrowser(browser, site.origin);
      return [
        note(`Chromium ${browser.version()}, headless, 1280×800, grid 70vh; a fresh page per run`),
        note(`${GRIDS.ours} = CallsTable in IntlProvider (en, Asia/Jerusalem), default columns`),
        note("AG Grid = ag-grid-react, client-side row model, same columns/widths/formatters"),
        note("a) every record, 100,000 synthetic calls"),
        ...report(records, FILTER_TEXT),
        note(
          "b) conversations (the /calls default): 100,000 simulator records, one row per conversation (grouped before timing), legs beneath; AG Grid the same records flat",
        ),
        ...report(conversations, SIM_FILTER_TEXT),
        figure("grouping + rows, first run on a page", ms(grouping.cold), {
          text: `≤ ${GROUPING_BUDGET_MS} ms`,
          within: grouping.cold <= GROUPING_BUDGET_MS,
        }),
        figure("grouping + rows, later runs", ms(grouping.warm), {
          text: `≤ ${GROUPING_BUDGET_MS} ms`,
          within: grouping.warm <= GROUPING_BUDGET_MS,
        }),
        note("grouping runs once per loaded answer, before the table's first render of it"),
        note("render = mount → first rows painted; sort/filter = state change or grid API call →"),
        note("the change in the DOM and the next frame run (rAF, then a message task);"),
        note("rows generated before timing; AG Grid configured for speed (animateRows: false)"),
      ];
    } finally {
      await browser.close();
      await site.close();
    }
  },
};
