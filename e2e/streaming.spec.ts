import { DAY_MS } from "@/lib/time/units";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";

/**
 * Streamed loading in Chromium, on a demo server of its own with a busy simulator (a few
 * days are tens of thousands of calls, several upstream windows): the progress bar counts
 * the calls against the expected total while the first rows are already in the table, and
 * Cancel stops the load, keeping what came, marked as not all of it.
 */

let app: AppServer;
// the simulator in the server makes the first page of a new range in some seconds
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  app = await startAppServer(E2E_PORTS.stream, {
    VOICENTER_CODE: "",
    SIMULATOR_CALLS_PER_DAY: "10000",
    CALLBOARD_BACKFILL_DAYS: "0",
  });
});

test.afterAll(async () => {
  await app.close();
});

/** Days `weeksAgo` weeks back, Sunday to Thursday (busy days no other test here loads). */
function busyDays(weeksAgo: number, days: number): string {
  let start = new Date(Date.now() - weeksAgo * 7 * DAY_MS);
  while (start.getUTCDay() !== 0) start = new Date(start.getTime() - DAY_MS);
  const from = `${start.toISOString().slice(0, 10)}T00:00:00+02:00`;
  const end = new Date(start.getTime() + days * DAY_MS).toISOString().slice(0, 10);
  const search = new URLSearchParams({ from, to: `${end}T00:00:00+02:00`, rows: "records" });
  return `${app.url}/calls?${search.toString()}`;
}

/**
 * Notes, in the page, what the progress bar said, when the first row came and when the bar
 * was last seen: rows painted before the bar went away came before the last calls did. (The
 * bar and the first rows are separate renders: which one commits first is not the point.)
 */
function watchLoad() {
  const seen = {
    rows: 0,
    firstRowAt: Number.NaN,
    barLastAt: Number.NaN,
    progress: [] as [number, number][],
  };
  (window as unknown as { __load: typeof seen }).__load = seen;
  new MutationObserver(() => {
    const bar = document.querySelector<HTMLElement>("[data-testid=load-progress]");
    if (bar) {
      seen.progress.push([Number(bar.dataset.loaded), Number(bar.dataset.expected)]);
      seen.barLastAt = performance.now();
    }
    const rows = document.querySelectorAll("tbody [role=row]").length;
    if (rows > 0 && seen.rows === 0) seen.firstRowAt = performance.now();
    seen.rows = rows;
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

test("the progress bar counts the calls and the first rows show before the last arrive", async ({
  page,
}) => {
  await page.addInitScript(watchLoad);
  await page.goto(busyDays(2, 4));
  const bar = page.getByTestId("load-progress");
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(bar.getByRole("progressbar", { name: "Calls loaded" })).toBeVisible();
  await expect(bar).toContainText(/[\d,]+ of [\d,]+ calls/, { timeout: 90_000 });
  await expect(page.getByTestId("call-count")).toHaveText(/^[\d,]+ records$/, { timeout: 90_000 });
  await expect(bar).toBeHidden();
  const seen = await page.evaluate(
    () =>
      (
        window as unknown as {
          __load: { firstRowAt: number; barLastAt: number; progress: [number, number][] };
        }
      ).__load,
  );
  expect(seen.firstRowAt, "the first row came while the bar still showed").toBeLessThan(
    seen.barLastAt,
  );
  // determinate: a total known before the end, and counts below it on the way
  expect(seen.progress.some(([loaded, expected]) => expected > 20_000 && loaded < expected)).toBe(
    true,
  );
  const total = Number((await page.getByTestId("call-count").textContent())?.replace(/\D/g, ""));
  expect(total).toBeGreaterThan(20_000);
});

test("Cancel stops the load: what came stays, marked as not all of the range", async ({ page }) => {
  const asked: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/calls") asked.push(r.url());
  });
  await page.goto(busyDays(4, 3));
  const cancel = page.getByTestId("load-cancel");
  await expect(page.getByTestId("load-progress")).toBeVisible({ timeout: 30_000 });
  await cancel.click();
  const banner = page.getByTestId("load-cancelled");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Loading stopped: showing [\d,]+ of [\d,]+ calls/);
  await expect(page.getByTestId("load-progress")).toBeHidden();
  await expect(page.getByTestId("call-count")).toHaveText(/of about [\d,]+: not all of them/);
  const requests = asked.length;

  // the server stopped too: no upstream request starts for that load any more
  const budget = async () => {
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as {
      budget: { byPurpose: { interactive: number } };
    };
    return health.budget.byPurpose.interactive;
  };
  await page.waitForTimeout(2_000);
  const after = await budget();
  await page.waitForTimeout(4_000);
  expect(await budget()).toBeLessThanOrEqual(after);
  expect(asked.length).toBe(requests);

  // and Load all asks again, to the end
  await banner.getByRole("button", { name: "Load all" }).click();
  await expect(page.getByTestId("call-count")).toHaveText(/^[\d,]+ records$/, { timeout: 90_000 });
  await expect(banner).toBeHidden();
});

test("the calls are asked at once, beside the mode question, not after its answer", async ({
  page,
}) => {
  // The mode question (paged or not) counts the store: waiting for it before asking for
  // the calls put a round trip and a count before the first row of every view.
  const events: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/api/calls") events.push("calls asked");
  });
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    if (path === "/api/calls/mode") events.push("mode answered");
  });
  await page.goto(busyDays(3, 1));
  await expect(page.getByTestId("call-count")).toHaveText(/^[\d,]+ records$/, { timeout: 90_000 });
  expect(events.indexOf("calls asked")).toBeGreaterThanOrEqual(0);
  expect(events.indexOf("mode answered")).toBeGreaterThan(events.indexOf("calls asked"));
});
