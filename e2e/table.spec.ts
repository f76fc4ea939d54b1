import { expect, test } from "./fixtures";
import { callsUrl, columnTexts, seconds, waitForRows } from "./helpers";

test.describe("the calls table", () => {
  test("sorts by Duration both ways, with aria-sort", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const header = page.getByRole("columnheader", { name: /Duration/ });
    await header.getByRole("button").click();
    await expect(page).toHaveURL(/sort=Duration/);
    const firstDirection = await header.getAttribute("aria-sort");
    expect(["ascending", "descending"]).toContain(firstDirection);
    const first = (await columnTexts(page, "Duration")).map(seconds);
    const ascending = [...first].sort((a, b) => a - b);
    expect(first).toEqual(firstDirection === "ascending" ? ascending : [...ascending].reverse());

    await header.getByRole("button").click();
    const secondDirection = await header.getAttribute("aria-sort");
    expect(secondDirection).not.toBe(firstDirection);
    const second = (await columnTexts(page, "Duration")).map(seconds);
    const sorted = [...second].sort((a, b) => a - b);
    expect(second).toEqual(secondDirection === "ascending" ? sorted : [...sorted].reverse());
  });

  test("Shift+click adds a second sort key", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    await page.getByRole("columnheader", { name: /^Type/ }).getByRole("button").click();
    await page
      .getByRole("columnheader", { name: /Duration/ })
      .getByRole("button")
      .click({ modifiers: ["Shift"] });
    await expect(page).toHaveURL(/sort=Type(\.desc)?%2CDuration|sort=Type(\.desc)?,Duration/);
    const types = await columnTexts(page, "Type");
    const durations = (await columnTexts(page, "Duration")).map(seconds);
    // Within a run of one type, durations are ordered.
    for (let i = 1; i < types.length; i++) {
      if (types[i] === types[i - 1]) {
        const [a, b] = [durations[i - 1] ?? 0, durations[i] ?? 0];
        const direction = await page
          .getByRole("columnheader", { name: /Duration/ })
          .getAttribute("aria-sort");
        expect(direction === "ascending" ? a <= b : a >= b).toBe(true);
      }
    }
  });

  test("the column chooser changes the columns and the fields asked upstream", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    await expect(page.getByRole("columnheader", { name: /Call ID/ })).toHaveCount(0);
    const request = page.waitForRequest(
      (r) =>
        r.url().includes("/api/calls") &&
        /fields=[^&]*CallID/.test(decodeURIComponent(r.url())) &&
        decodeURIComponent(r.url()).includes("DepartmentName"),
    );
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("checkbox", { name: /^Department Account/ }).check();
    await expect(page).toHaveURL(/cols=/);
    await request;
    await expect(page.getByRole("columnheader", { name: /^Department/ })).toHaveCount(1);
  });
});
