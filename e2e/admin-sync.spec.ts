import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./fixtures";

/**
 * The admin's sync page on the demo server (whose call store syncs from the in-process
 * simulator): the state, the budget, coverage and requests per hour, and a re-sync.
 */
test.describe("the sync page", () => {
  test("shows the sync's state and re-syncs a range", async ({ page }) => {
    await page.goto("/admin/sync");
    await expect(page.getByRole("heading", { level: 2, name: "Sync", exact: true })).toBeVisible();
    await expect(page.getByTestId("budget-used")).toContainText(/\d+ of 30/);
    await expect(page.getByTestId("coverage-bar")).toBeVisible();
    await expect(page.getByTestId("requests-per-hour")).toBeVisible();
    await expect(page.getByText("This instance syncs")).toBeVisible();

    // The form reads its date-times in the browser's zone, so they are written there, not
    // in the zone of the process running the test (east of it, "an hour ago" is the future).
    const [from, to] = await page.evaluate(() => {
      const local = (ms: number) => {
        const d = new Date(ms);
        return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      };
      return [local(Date.now() - 2 * 3_600_000), local(Date.now() - 3_600_000)] as const;
    });
    await page.getByLabel("From", { exact: true }).fill(from);
    await page.getByLabel("To", { exact: true }).fill(to);
    await page.getByRole("button", { name: "Re-sync" }).click();
    await expect(page.getByRole("status").filter({ hasText: "fetched with" })).toContainText(
      /\d+ calls? fetched with 1 request/,
      { timeout: 30_000 },
    );
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  test("names a range it refuses", async ({ page }) => {
    await page.goto("/admin/sync");
    await page.getByLabel("From", { exact: true }).fill("2024-06-02T10:00");
    await page.getByLabel("To", { exact: true }).fill("2024-06-01T10:00");
    await page.getByRole("button", { name: "Re-sync" }).click();
    await expect(page.getByRole("status").filter({ hasText: "later" })).toContainText(
      "Choose a start and an end, the end later than the start.",
    );
  });
});
