import type { Page } from "@playwright/test";

import { expect } from "./fixtures";

const DAY = 86_400_000;

/**
 * A recent ordinary weekday (Tuesday) in Israel, as a custom range: busy enough to have
 * every kind of call, fixed enough that the simulator's data does not move under a test.
 */
export function busyDayRange(now = Date.now()): { from: string; to: string } {
  let day = new Date(now - 7 * DAY);
  while (day.getUTCDay() !== 2) day = new Date(day.getTime() - DAY);
  const ymd = day.toISOString().slice(0, 10);
  return { from: `${ymd}T00:00:00+02:00`, to: `${ymd}T23:59:59+02:00` };
}

export function callsUrl(params: Record<string, string> = {}): string {
  const range = busyDayRange();
  const search = new URLSearchParams({ from: range.from, to: range.to, ...params });
  return `/calls?${search.toString()}`;
}

/** The number in the "N calls" line once loading is over. */
export async function callCount(page: Page): Promise<number> {
  const count = page.getByTestId("call-count");
  await expect(count).toHaveText(/\d/, { timeout: 60_000 });
  const text = (await count.textContent()) ?? "";
  return Number(/^[^\d]*([\d,]+)/.exec(text)?.[1]?.replaceAll(",", "") ?? NaN);
}

export async function waitForRows(page: Page): Promise<void> {
  await callCount(page);
  await expect(page.locator("tbody [role=row]").first()).toBeVisible();
}

/** Seconds from the table's m:ss / h:mm:ss text. */
export function seconds(text: string): number {
  return text
    .trim()
    .split(":")
    .reduce((total, part) => total * 60 + Number(part), 0);
}

/** The calls table: a tree grid of conversations (the default), or a grid of every record. */
export function callsGrid(page: Page) {
  return page.locator("[role=grid], [role=treegrid]");
}

/** The texts of one column in the rendered rows, by its header's label. */
export async function columnTexts(page: Page, header: string): Promise<string[]> {
  const headers = await callsGrid(page).getByRole("columnheader").allTextContents();
  const index = headers.findIndex((h) => h.trim().startsWith(header));
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return page
    .locator("tbody [role=row]")
    .evaluateAll(
      (rows, i) => rows.map((row) => row.querySelectorAll("[role=gridcell]")[i]?.textContent ?? ""),
      index,
    );
}

/**
 * The calls of the next `/api/calls` load the page asks for (not a drawer's look-up of one
 * call), asked again by the test as plain JSON with the page's own cookies: Chromium keeps
 * no body of a response the page reads as a stream, so the page's own answer cannot be
 * read back (Network.getResponseBody: "No data found"). The tests' ranges are past days, so
 * both answers hold the same calls.
 */
export function nextCallsAnswer<T>(
  page: Page,
  test: (url: URL) => boolean = () => true,
): Promise<{ calls: T[]; complete: boolean }> {
  return page
    .waitForRequest((request) => {
      const url = new URL(request.url());
      return url.pathname === "/api/calls" && !url.searchParams.has("callId") && test(url);
    })
    .then(async (request) => {
      const response = await page.request.get(request.url(), {
        headers: { accept: "application/json" },
      });
      expect(response.status(), `GET ${request.url()}`).toBe(200);
      return (await response.json()) as { calls: T[]; complete: boolean };
    });
}
