import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

test.describe("languages and accessibility", () => {
  test("Hebrew from Accept-Language is right-to-left, and the choice is remembered", async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: "he-IL", timezoneId: "Asia/Jerusalem" });
    const page = await context.newPage();
    await page.goto(callsUrl());
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "he");
    await waitForRows(page);
    await expect(page.getByTestId("call-count")).toContainText("שיחות");
    await page.getByRole("combobox", { name: "שפה" }).selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("axe finds no serious or critical violations on /calls and on the drawer", async ({
    page,
  }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("tbody [role=row]").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("axe is clean in Hebrew and in dark mode too", async ({ browser }) => {
    const context = await browser.newContext({
      locale: "he-IL",
      colorScheme: "dark",
      timezoneId: "Asia/Jerusalem",
    });
    const page = await context.newPage();
    await page.goto(callsUrl());
    await waitForRows(page);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
