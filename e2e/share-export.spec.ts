import { readFileSync } from "node:fs";

import { expect, test } from "./fixtures";
import { callCount, callsGrid, callsUrl, waitForRows } from "./helpers";

test.describe("sharing and export", () => {
  test("a copied link reproduces the view in a fresh browser", async ({
    page,
    browser,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(
      callsUrl({ type: "8", sort: "Duration.desc", cols: "Date,Type,DialStatus,Duration,CallID" }),
    );
    await waitForRows(page);
    await page.locator("tbody [role=row]").nth(2).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    const callId = new URL(page.url()).searchParams.get("call");
    await page.keyboard.press("Escape");
    await page.goto(page.url().replace(/&?call=[^&]*/, "") + `&call=${callId}`);
    await waitForRows(page);
    const count = await callCount(page);
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Copy link" }).click();
    await expect(dialog.getByRole("button", { name: "Link copied" })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());

    const fresh = await browser.newContext({ timezoneId: "Asia/Jerusalem" });
    const other = await fresh.newPage();
    await other.goto(copied);
    await waitForRows(other);
    expect(await callCount(other)).toBe(count);
    await expect(callsGrid(other).getByRole("columnheader")).toHaveText([
      /Legs/,
      /Date/,
      /Type/,
      /Status/,
      /Duration/,
      /Call ID/,
    ]);
    await expect(callsGrid(other).getByRole("columnheader", { name: /Duration/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(other.getByRole("dialog")).toContainText(callId ?? "");
    await fresh.close();
  });

  test("Export CSV downloads every loaded row with a BOM; headers are Hebrew under he", async ({
    page,
    context,
  }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const count = await callCount(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export CSV/ }).click(),
    ]);
    const text = readFileSync((await download.path()) ?? "", "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split(/\r?\n/);
    expect(lines.length).toBe(count + 1);
    expect(lines[0]).toContain("Date");

    await context.addCookies([{ name: "NEXT_LOCALE", value: "he", url: page.url() }]);
    await page.reload();
    await waitForRows(page);
    const [hebrew] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /CSV/ }).click(),
    ]);
    const header =
      readFileSync((await hebrew.path()) ?? "", "utf8")
        .slice(1)
        .split(/\r?\n/)[0] ?? "";
    expect(header).toMatch(/[\u0590-\u05FF]/);
  });
});
