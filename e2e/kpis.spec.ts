import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { busyDayRange, callsUrl, nextCallsAnswer, waitForRows } from "./helpers";
import { groupByHand, kpisByHand, type HandKpis, type HandRecord } from "./support/hand-count";

/**
 * Each KPI tile of a seeded demo day against the test's own count of the records the API
 * returned (e2e/support/hand-count.ts: a plain rule, not the app's functions).
 */

const number = (n: number) => new Intl.NumberFormat("en").format(n);
const percent = (part: number, whole: number) =>
  whole === 0
    ? "—"
    : new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(
        part / whole,
      );
const seconds = (s: number | null) =>
  s === null
    ? "—"
    : new Intl.NumberFormat("en", {
        style: "unit",
        unit: "second",
        maximumFractionDigits: 0,
      }).format(s);
const clock = (s: number | null) => {
  if (s === null) return "—";
  const t = Math.round(s);
  const [h, m, sec] = [Math.floor(t / 3600), Math.floor((t % 3600) / 60), t % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
};
const shekels = (agorot: number) =>
  new Intl.NumberFormat("en", {
    style: "currency",
    currency: "ILS",
    minimumFractionDigits: 2,
  }).format(Math.round(agorot) / 100);

/** What each tile must show, from the hand count. */
function expectedTiles(k: HandKpis): Record<string, string> {
  return {
    offered: number(k.offered),
    answeredRate: percent(k.answered, k.offered),
    abandonedRate: percent(k.abandoned, k.offered),
    shortAbandoned: number(k.shortAbandoned),
    missed: number(k.missed),
    serviceLevel: percent(k.withinServiceLevel, k.offered),
    asa: seconds(k.asa),
    inboundAvgTalk: clock(k.inboundAvgTalk),
    attempts: number(k.attempts),
    connectedRate: percent(k.connected, k.attempts),
    outboundAvgTalk: clock(k.outboundAvgTalk),
    cost: shekels(k.costAgorot),
    recorded: number(k.recorded),
    notCalledBack: number(k.notCalledBack),
  };
}

async function records(answer: Promise<{ calls: HandRecord[]; complete: boolean }>) {
  const body = await answer;
  expect(body.complete).toBe(true);
  return body.calls;
}

const tileValue = (page: Page, key: string) =>
  page.locator(`[data-kpi="${key}"] [data-testid="kpi-value"]`);

test.describe("the KPI strip, against a hand count", () => {
  test("every tile of a busy demo day equals the count of its conversations by hand", async ({
    page,
  }) => {
    const loaded = nextCallsAnswer<HandRecord>(page, () => true);
    await page.goto(callsUrl());
    const calls = await records(loaded);
    await waitForRows(page);
    const conversations = groupByHand(calls);
    const kpis = kpisByHand(conversations);
    // A day with every kind of call, and records that are not one call each.
    expect(conversations.length).toBeLessThan(calls.length);
    expect(kpis.offered).toBeGreaterThan(500);
    expect(kpis.attempts).toBeGreaterThan(100);
    await expect(page.getByTestId("call-count")).toContainText(
      `${number(conversations.length)} conversations · ${number(calls.length)} records`,
    );
    for (const [key, value] of Object.entries(expectedTiles(kpis))) {
      await expect(tileValue(page, key), key).toHaveText(value);
    }
    // The captions name the counts behind the rates.
    await expect(page.locator('[data-kpi="answeredRate"] [data-testid="kpi-caption"]')).toHaveText(
      `${number(kpis.answered)} of ${number(kpis.offered)} offered`,
    );
    await expect(page.locator('[data-kpi="connectedRate"] [data-testid="kpi-caption"]')).toHaveText(
      `${number(kpis.connected)} of ${number(kpis.attempts)} attempts`,
    );
    await expect(page.locator('[data-kpi="recorded"] [data-testid="kpi-caption"]')).toHaveText(
      `${percent(kpis.recordedAnswered, kpis.answered + kpis.connected)} of answered and connected`,
    );
  });

  test("the thresholds in the URL move short abandons and the service level", async ({ page }) => {
    const loaded = nextCallsAnswer<HandRecord>(page, () => true);
    await page.goto(callsUrl({ abandonS: "15", slaS: "10" }));
    const kpis = kpisByHand(groupByHand(await records(loaded)), { abandonS: 15, slaS: 10 });
    await expect(tileValue(page, "shortAbandoned")).toHaveText(number(kpis.shortAbandoned));
    await expect(tileValue(page, "abandonedRate")).toHaveText(
      percent(kpis.abandoned, kpis.offered),
    );
    await expect(tileValue(page, "serviceLevel")).toHaveText(
      percent(kpis.withinServiceLevel, kpis.offered),
    );
  });

  test("compare shows each tile's value in the previous period, counted by hand", async ({
    page,
  }) => {
    const { from } = busyDayRange();
    const current = nextCallsAnswer<HandRecord>(
      page,
      (url) => url.searchParams.get("from") === new Date(from).toISOString(),
    );
    const previous = nextCallsAnswer<HandRecord>(
      page,
      (url) => url.searchParams.get("from") !== new Date(from).toISOString(),
    );
    await page.goto(callsUrl());
    await records(current);
    await waitForRows(page);
    await page.getByTestId("compare-toggle").click();
    await expect(page).toHaveURL(/compare=true/);
    const before = kpisByHand(groupByHand(await records(previous)));
    await expect(page.getByTestId("compare-range")).toBeVisible();
    for (const [key, value] of Object.entries(expectedTiles(before))) {
      await expect(
        page.locator(`[data-kpi="${key}"] [data-testid="kpi-previous"]`),
        key,
      ).toHaveText(value);
    }
    // The previous day (a Monday) is another day: offered differs, and its arrow says which way.
    const change = page.locator('[data-kpi="offered"] [data-testid="kpi-change"]');
    await expect(change).toHaveAttribute("data-trend", /up|down/);
    await expect(change).toHaveAttribute("data-tone", "neutral");
    // Reloading keeps the comparison (it is in the URL).
    await page.reload();
    // after a reload both days load and are grouped again before the tile shows
    await expect(page.locator('[data-kpi="offered"] [data-testid="kpi-previous"]')).toHaveText(
      number(before.offered),
      { timeout: 20_000 },
    );
  });
});
