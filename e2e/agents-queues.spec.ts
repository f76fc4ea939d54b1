import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { busyDayRange, callCount, nextCallsAnswer, waitForRows } from "./helpers";
import { groupByHand, type HandRecord } from "./support/hand-count";

function pageUrl(path: string, params: Record<string, string> = {}): string {
  const range = busyDayRange();
  return `${path}?${new URLSearchParams({ from: range.from, to: range.to, ...params }).toString()}`;
}

async function loadRecords(page: Page, path: string): Promise<HandRecord[]> {
  const answer = nextCallsAnswer<HandRecord>(page);
  await page.goto(pageUrl(path));
  return (await answer).calls;
}

/** A column's cells in the figures table, as shown. */
async function column(page: Page, testId: string, index: number): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator("tbody tr")
    .evaluateAll((rows, i) => rows.map((row) => row.children[i]?.textContent?.trim() ?? ""), index);
}

const clock = (text: string) => text.split(":").reduce((s, p) => s * 60 + Number(p), 0);
const count = (text: string) => Number(text.replaceAll(",", ""));

test.describe("agents", () => {
  test("sort by any column, the sort in the URL; keyboard reaches every agent's calls", async ({
    page,
  }) => {
    await page.goto(pageUrl("/agents"));
    const table = page.getByTestId("agents-table");
    await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 60_000 });
    const talk = table.getByRole("columnheader", { name: /Talk total/ });
    await talk.getByRole("button").click();
    await expect(page).toHaveURL(/sort=talkSeconds\.desc/);
    await expect(talk).toHaveAttribute("aria-sort", "descending");
    const desc = (await column(page, "agents-table", 5)).map(clock);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await talk.getByRole("button").click();
    await expect(page).toHaveURL(/sort=talkSeconds(?!\.desc)/);
    const asc = (await column(page, "agents-table", 5)).map(clock);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));

    await page.reload();
    await expect(talk).toHaveAttribute("aria-sort", "ascending");
    await table
      .getByRole("columnheader", { name: /^Agent/ })
      .getByRole("button")
      .click();
    const names = await column(page, "agents-table", 0);
    expect(names.length).toBeGreaterThan(5);
    // Totals: the answered column sums.
    const answered = (await column(page, "agents-table", 1)).map(count);
    const totals = page.getByTestId("agents-table-totals");
    await expect(totals.locator("td").first()).toHaveText(
      answered.reduce((a, b) => a + b, 0).toLocaleString("en"),
    );

    // Keyboard: the agent's name is a link in the tab order.
    const first = table.locator("tbody tr").first().getByRole("link");
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/calls\?.*agent=/);
  });

  test("a row opens that agent's calls, with the same filters", async ({ page }) => {
    const calls = await loadRecords(page, "/agents");
    const table = page.getByTestId("agents-table");
    await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 60_000 });
    // The busiest logged-in agent (a representative code).
    const row = table.locator('tbody tr[data-row-key^="code:"]').first();
    const key = (await row.getAttribute("data-row-key")) ?? "";
    const code = key.slice("code:".length);
    const name = (await row.locator("th bdi").textContent()) ?? "";
    const answeredInRow = count((await row.locator("td").first().textContent()) ?? "");
    await row.locator("td").nth(3).click();
    await expect(page).toHaveURL(new RegExp(`/calls\\?.*agent=code%3A${code}`));
    await expect(page).toHaveURL(/from=/);
    await expect(page.getByTestId("drill-chips")).toContainText(`Agent: ${name}`);
    await waitForRows(page);

    // By hand: a leg is theirs when it carries their code, or — not logged in — their name as
    // the UserName. The conversations with a leg of theirs; the inbound ones they answered
    // (the row's first figure).
    const isTheirs = (r: HandRecord) =>
      r.RepresentativeCode === code || (!r.RepresentativeCode && r.UserName === name);
    const conversations = groupByHand(calls);
    const theirs = conversations.filter((c) => c.legs.some(isTheirs));
    const answered = theirs.filter(
      (c) => c.direction === "inbound" && c.outcome === "answered" && isTheirs(c.decider),
    );
    expect(answered.length).toBe(answeredInRow);
    const shown = await callCount(page);
    // Consults and transfers to their extension join these; nothing of theirs is left out.
    expect(shown).toBeGreaterThanOrEqual(theirs.length);
    expect(shown).toBeLessThan(theirs.length * 1.2 + 5);

    // Every record: each names them, or is a consult/transfer to them.
    await page.getByRole("button", { name: "Every record" }).click();
    await waitForRows(page);
    const agents = await page
      .locator("tbody [role=row]")
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll("[role=gridcell]")[6]?.textContent ?? ""),
      );
    expect(agents.filter((a) => a === name).length).toBeGreaterThan(agents.length * 0.8);

    // Removing the chip shows every call again.
    await page.getByRole("button", { name: `Remove the filter Agent: ${name}` }).click();
    await expect(page).not.toHaveURL(/agent=/);
    await expect.poll(() => callCount(page)).toBe(calls.length);
  });
});

test.describe("queues", () => {
  test("figures per queue equal a hand count; sort; a row opens the queue's calls", async ({
    page,
  }) => {
    const calls = await loadRecords(page, "/queues");
    const table = page.getByTestId("queues-table");
    await expect(table.locator("tbody tr").first()).toBeVisible({ timeout: 60_000 });
    const conversations = groupByHand(calls).filter((c) => c.queue !== undefined);
    const byQueue = new Map<string, typeof conversations>();
    for (const c of conversations) byQueue.set(c.queue!, [...(byQueue.get(c.queue!) ?? []), c]);
    for (const [queue, list] of byQueue) {
      const offered = list.filter((c) => c.outcome !== "failed");
      const row = table.locator(`tbody tr[data-row-key="${queue}"]`);
      await expect(row.locator("td").nth(0), `${queue} offered`).toHaveText(
        offered.length.toLocaleString("en"),
      );
      await expect(row.locator("td").nth(1), `${queue} answered`).toHaveText(
        offered.filter((c) => c.outcome === "answered").length.toLocaleString("en"),
      );
      await expect(row.locator("td").nth(4), `${queue} timeout`).toHaveText(
        offered.filter((c) => c.decider.DialStatus === "TIMEOUT").length.toLocaleString("en"),
      );
    }

    const rate = table.getByRole("columnheader", { name: /Answer rate/ });
    await rate.getByRole("button").click();
    await expect(page).toHaveURL(/sort=answerRate\.desc/);
    const rates = (await column(page, "queues-table", 9)).map((t) => Number(t.replace("%", "")));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));

    // The first queue after sorting: its calls on /calls, by name (records name queues, not ids).
    const row = table.locator("tbody tr").first();
    const queue = (await row.getAttribute("data-row-key")) ?? "";
    await row.getByRole("link").click();
    await expect(page).toHaveURL(/\/calls\?.*queueName=/);
    await expect(page.getByTestId("drill-chips")).toContainText(`Queue: ${queue}`);
    await waitForRows(page);
    expect(await callCount(page)).toBe(byQueue.get(queue)?.length);
    const queues = await page
      .locator("tbody [role=row]")
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll("[role=gridcell]")[8]?.textContent ?? ""),
      );
    expect(new Set(queues)).toEqual(new Set([queue]));
  });
});
