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

test.describe("agents and queues: languages, accessibility, phone", () => {
  const range = (path: string) => {
    const url = new URL(callsUrl(), "http://x");
    return `${path}${url.search}`;
  };

  for (const path of ["/agents", "/queues"]) {
    test(`${path}: axe-clean in English (light) and Hebrew (dark)`, async ({ page, browser }) => {
      await page.goto(range(path));
      await expect(page.locator("table tbody tr").first()).toBeVisible({ timeout: 60_000 });
      expect(await seriousViolations(page)).toEqual([]);

      const context = await browser.newContext({
        locale: "he-IL",
        colorScheme: "dark",
        timezoneId: "Asia/Jerusalem",
      });
      const hebrew = await context.newPage();
      await hebrew.goto(range(path));
      await expect(hebrew.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(hebrew.locator("table tbody tr").first()).toBeVisible({ timeout: 60_000 });
      await expect(hebrew.getByRole("navigation", { name: "עמודים" })).toBeVisible();
      expect(await seriousViolations(hebrew)).toEqual([]);
      await context.close();
    });
  }

  test("at phone width the pages do not overflow sideways; the tables scroll in their frame", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      timezoneId: "Asia/Jerusalem",
    });
    const page = await context.newPage();
    for (const path of ["/calls", "/agents", "/queues"]) {
      await page.goto(range(path));
      await expect(page.locator("table tbody tr").first()).toBeVisible({ timeout: 60_000 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
