import type { Page, Response } from "@playwright/test";

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

/** An `/api/calls` answer's calls and completeness, plain JSON or streamed (NDJSON). */
export async function answerCalls<T>(
  response: Response,
): Promise<{ calls: T[]; complete: boolean }> {
  const text = await response.text();
  if (!(response.headers()["content-type"] ?? "").includes("ndjson")) {
    return JSON.parse(text) as { calls: T[]; complete: boolean };
  }
  const calls: T[] = [];
  let complete: boolean | undefined;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const event = JSON.parse(line) as
      | { type: "calls"; calls: T[] }
      | { type: "summary"; complete: boolean }
      | { type: "error"; error: { code: string; message: string } }
      | { type: "progress" };
    if (event.type === "calls") calls.push(...event.calls);
    else if (event.type === "summary") complete = event.complete;
    else if (event.type === "error") {
      throw new Error(`/api/calls answered ${event.error.code}: ${event.error.message}`);
    }
  }
  if (complete === undefined) throw new Error("/api/calls' stream ended without its summary");
  return { calls, complete };
}

/**
 * The next `/api/calls` answer the page loads (not a drawer's look-up of one call), read as
 * soon as it arrives: a streamed body is read to its end before the test navigates on.
 */
export function nextCallsAnswer<T>(
  page: Page,
  test: (url: URL) => boolean = () => true,
): Promise<{ calls: T[]; complete: boolean }> {
  return page
    .waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === "/api/calls" && !url.searchParams.has("callId") && test(url);
    })
    .then((response) => answerCalls<T>(response));
}
