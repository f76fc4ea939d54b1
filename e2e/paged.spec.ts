import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";

/**
 * The threshold switch in Chromium, on a demo server whose threshold is low
 * (CALLBOARD_PAGED_THRESHOLD=400): the first visit of a range loads every call (the store
 * does not hold it yet); once it does, the same URL opens paged. Both modes show the same
 * count, KPIs, first rows and CSV; the paged table scrolls to the end and back, sorts and
 * filters on the server.
 */

let app: AppServer;
const origin = `http://127.0.0.1:${E2E_PORTS.paged}`;
const VIEW = "/calls?range=yesterday&rows=records&sort=Duration.desc";

test.beforeAll(async () => {
  app = await startAppServer(E2E_PORTS.paged, {
    VOICENTER_CODE: "",
    CALLBOARD_PAGED_THRESHOLD: "400",
    CALLBOARD_BACKFILL_DAYS: "0",
    // the export's go-ahead is a POST: its origin must be the one the page is opened on
    CALLBOARD_BASE_URL: origin,
  });
});

test.afterAll(async () => {
  await app.close();
});

async function countOf(page: Page): Promise<number> {
  const count = page.getByTestId("call-count");
  await expect(count).toHaveText(/^\d[\d,]* records?/, { timeout: 60_000 });
  return Number(((await count.textContent()) ?? "").replace(/,/g, "").replace(/[^\d].*$/s, ""));
}

async function firstIds(page: Page, n = 8): Promise<string[]> {
  const rows = page.locator("tbody [data-call-id]");
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((els) =>
    els.map((el) => el.getAttribute("data-call-id") ?? ""),
  );
  return ids.slice(0, n);
}

async function kpis(page: Page): Promise<string> {
  const strip = page.getByTestId("kpi-strip");
  await expect(strip).toHaveAttribute("aria-busy", "false", { timeout: 60_000 });
  return (await strip.locator("dd").allTextContents()).join("|");
}

async function exported(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /Export CSV/ }).click(),
  ]);
  return readFileSync((await download.path()) ?? "", "utf8");
}

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("both modes give the same count, KPIs, first rows and CSV; paged scrolls, sorts and filters", async ({
  page,
}) => {
  // first visit: the store is empty, every call loads in the browser
  await page.goto(origin + VIEW);
  const fullCount = await countOf(page);
  expect(fullCount).toBeGreaterThan(400);
  await expect(page.getByTestId("paged-note")).toHaveCount(0);
  const fullIds = await firstIds(page);
  const fullKpis = await kpis(page);
  const fullCsv = await exported(page);
  await page.goto(`${origin}${VIEW}&status=ANSWER`);
  const fullAnswered = await countOf(page);
  const fullAnsweredIds = await firstIds(page);

  // the store holds the range now: the same URL opens paged
  await page.goto(origin + VIEW);
  await expect(page.getByTestId("paged-note")).toBeVisible({ timeout: 60_000 });
  expect(await countOf(page)).toBe(fullCount);
  expect(await firstIds(page)).toEqual(fullIds);
  expect(await kpis(page)).toBe(fullKpis);
  expect(await exported(page)).toBe(fullCsv);
  // the browser holds what it shows plus a margin
  expect(await page.locator("tbody tr").count()).toBeLessThanOrEqual(100);

  // to the end and back: the last row is the last of the count
  const table = page.getByTestId("paged-table");
  await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const last = page.locator(`tbody [aria-rowindex="${fullCount + 1}"][data-call-id]`);
  await expect(last).toBeVisible({ timeout: 30_000 });
  await table.evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator("tbody [data-call-id]").first()).toHaveAttribute(
    "data-call-id",
    fullIds[0] ?? "",
  );

  // a filter in paged mode: the server's count and order equal the browser's
  await page.goto(`${origin}${VIEW}&status=ANSWER`);
  await expect(page.getByTestId("paged-note")).toBeVisible({ timeout: 60_000 });
  expect(await countOf(page)).toBe(fullAnswered);
  expect(await firstIds(page)).toEqual(fullAnsweredIds);

  // sort by another column from its header: the server sorts
  await page.getByRole("columnheader", { name: /Ring/ }).getByRole("button").first().click();
  await expect(page).toHaveURL(/sort=RingTime/);
  const rings = page.locator("tbody [data-call-id]");
  await expect(rings.first()).toBeVisible();
  expect(await countOf(page)).toBe(fullAnswered);

  // one agent's extension narrows the range below the threshold: the view stays paged, asks
  // no mode question again, and counts what /api/calls answers for the same filter
  const pageAsked = page.waitForRequest(/\/api\/calls\/page\?/);
  await page.reload();
  const pageUrl = new URL((await pageAsked).url());
  const ext = await page.evaluate(async (url) => {
    const answer = (await (await fetch(url)).json()) as { calls: { TargetExtension?: string }[] };
    return answer.calls.map((c) => c.TargetExtension).find(Boolean) ?? "";
  }, pageUrl.href);
  expect(ext).not.toBe("");
  const modeAsks: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/calls/mode")) modeAsks.push(r.url());
  });
  const before = (await page.getByTestId("call-count").textContent()) ?? "";
  await page.getByLabel("Extensions").fill(ext);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`ext=${ext}`));
  await expect(page.getByTestId("paged-note")).toBeVisible();
  await expect(page.getByTestId("call-count")).not.toHaveText(before, { timeout: 30_000 });
  const narrowed = await countOf(page);
  const range = `from=${pageUrl.searchParams.get("from")}&to=${pageUrl.searchParams.get("to")}`;
  const answered = await page.evaluate(async (s) => {
    const { calls } = (await (await fetch(`/api/calls?${s}`)).json()) as {
      calls: { DialStatus?: string }[];
    };
    return calls.filter((c) => c.DialStatus === "ANSWER").length;
  }, `${range}&ext=${ext}`);
  expect(narrowed).toBe(answered);
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(400);
  expect(modeAsks).toEqual([]);
});
