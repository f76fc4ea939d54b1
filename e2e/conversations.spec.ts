import { readFile } from "node:fs/promises";

import { expect, test } from "./fixtures";
import { callCount, callsUrl, waitForRows } from "./helpers";

test.describe("conversations on /calls", () => {
  test("one row per conversation; its legs expand beneath it, by pointer and by keyboard", async ({
    page,
  }) => {
    // Click2call only: every conversation is its agent's leg and the customer's.
    await page.goto(callsUrl({ type: "9,10" }));
    await waitForRows(page);
    const grid = page.getByRole("treegrid");
    await expect(grid).toBeVisible();
    const count = await callCount(page);
    await expect(page.getByTestId("call-count")).toContainText(`${count} conversations`);
    await expect(grid).toHaveAttribute("aria-rowcount", String(count + 1));

    const row = page.locator('tbody tr[aria-expanded="false"]').first();
    const id = await row.getAttribute("data-call-id");
    await expect(row).toHaveAttribute("data-legs", "2");
    await row.getByRole("button", { name: "Show the 2 legs" }).click();
    const expanded = page.locator(`tbody tr[data-call-id="${id}"][aria-expanded="true"]`);
    await expect(expanded).toBeVisible();
    await expect(grid).toHaveAttribute("aria-rowcount", String(count + 3));
    const legs = page.locator("tbody tr[data-leg]");
    await expect(legs).toHaveCount(2);
    await expect(legs.nth(0)).toHaveAttribute("aria-level", "2");
    await expect(legs.nth(0)).toContainText("Click2Call leg 1");
    await expect(legs.nth(1)).toContainText("Click2Call leg 2");
    // Expanding did not open the drawer.
    await expect(page).not.toHaveURL(/call=/);

    // Keyboard: ← closes, → opens, → again steps into the legs, ← steps back out.
    await expanded.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(legs).toHaveCount(0);
    await page.keyboard.press("ArrowRight");
    await expect(legs).toHaveCount(2);
    await page.keyboard.press("ArrowRight");
    await expect(legs.nth(0)).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(expanded).toBeFocused();
  });

  test("the drawer shows the whole journey; a leg opens in it", async ({ page }) => {
    await page.goto(callsUrl({ type: "9,10", status: "ANSWER" }));
    await waitForRows(page);
    const row = page.locator('tbody tr[data-legs="2"]').first();
    await row.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    const journey = dialog.getByTestId("journey");
    await expect(journey).toContainText("Journey: 2 legs");
    await expect(journey).toContainText("Outbound");
    await expect(journey).toContainText("Answered");
    const legs = journey.getByTestId("journey-leg");
    await expect(legs).toHaveCount(2);
    for (const leg of await legs.all()) {
      await expect(leg).toContainText(/Ring \d+:\d\d/);
      await expect(leg).toContainText(/Talk \d+:\d\d/);
    }
    await expect(legs.nth(0)).toContainText(/Agent /);
    // The row opened its primary leg (leg 2, the customer's); leg 1 opens in its place.
    await expect(legs.nth(1)).toHaveAttribute("aria-current", "true");
    const first = await legs.nth(0).getAttribute("data-call-id");
    await legs.nth(0).click();
    await expect(page).toHaveURL(new RegExp(`call=${first}`));
    await expect(journey.getByTestId("journey-leg").nth(0)).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  });

  test("an inbound journey: the queue call, the transfer that continued it, its IVR path", async ({
    page,
  }) => {
    await page.goto(callsUrl({ type: "8,13" }));
    await waitForRows(page);
    const scroller = page.getByRole("treegrid").locator("xpath=..");
    const multi = page.locator('tbody tr[data-legs="2"]');
    for (let i = 0; i < 200 && (await multi.count()) === 0; i++) {
      await scroller.evaluate((el) => (el.scrollTop += 400));
    }
    await multi.first().click();
    const journey = page.getByRole("dialog").getByTestId("journey");
    await expect(journey).toContainText("Inbound");
    await expect(journey).toContainText("Queue");
    await expect(journey.getByTestId("journey-leg").nth(1)).toContainText("Manual transfer");
    await expect(
      page.getByRole("dialog").getByTestId("ivr-path").locator("li").first(),
    ).toBeVisible();
  });

  test("switches to every record and back, the URL keeping the choice", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const conversations = await callCount(page);
    await page.getByRole("button", { name: "Every record" }).click();
    await expect(page).toHaveURL(/rows=records/);
    await expect(page.getByRole("grid")).toBeVisible();
    await expect.poll(() => callCount(page)).toBeGreaterThan(conversations);
    const records = await callCount(page);
    await expect(page.getByTestId("call-count")).toContainText(
      `${records.toLocaleString("en")} records`,
    );
    // The KPIs count conversations in either mode.
    const offered = await page
      .locator('[data-kpi="offered"] [data-testid="kpi-value"]')
      .textContent();

    await page.reload();
    await waitForRows(page);
    await expect(page.getByRole("grid")).toBeVisible();
    expect(await callCount(page)).toBe(records);
    await expect(page.locator('[data-kpi="offered"] [data-testid="kpi-value"]')).toHaveText(
      offered ?? "",
    );

    await page.goBack();
    await expect(page).not.toHaveURL(/rows=records/);
    await expect(page.getByRole("treegrid")).toBeVisible();
    await expect.poll(() => callCount(page)).toBe(conversations);
  });

  test("sorting, the status filter and the export work on conversations", async ({ page }) => {
    await page.goto(callsUrl({ type: "9,10" }));
    await waitForRows(page);
    await page
      .getByRole("columnheader", { name: /Duration/ })
      .getByRole("button")
      .click();
    await expect(page).toHaveURL(/sort=Duration\.desc/);
    // Conversations are sorted; their legs stay beneath them in time order.
    const durations = await page
      .locator("tbody tr[data-legs]")
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll("[role=gridcell]")[9]?.textContent ?? ""),
      );
    const secondsOf = (t: string) => t.split(":").reduce((s, p) => s * 60 + Number(p), 0);
    const values = durations.map(secondsOf);
    expect(values).toEqual([...values].sort((a, b) => b - a));

    const all = await callCount(page);
    await page.locator("summary", { hasText: "Status" }).click();
    await page.getByRole("checkbox", { name: "Answered", exact: true }).check();
    // the status filter regroups every loaded record
    await expect.poll(() => callCount(page), { timeout: 15_000 }).toBeLessThan(all);
    const answered = await callCount(page);
    await page.locator("summary", { hasText: "Status" }).click();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, "utf8")).trim().split(/\r?\n/);
    // What is shown: one line per conversation, not per record.
    expect(lines.length - 1).toBe(answered);
  });
});
