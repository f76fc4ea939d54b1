import { expect, test } from "./fixtures";
import { callCount, callsUrl, waitForRows } from "./helpers";

test.describe("the hour × weekday heatmap", () => {
  test("a cell filters the page to that hour; the chip or the cell again removes it", async ({
    page,
  }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const all = await callCount(page);
    const heatmap = page.getByTestId("heatmap");
    await expect(heatmap).toBeVisible();
    // A real table: hours as column headers, weekdays as row headers.
    await expect(heatmap.getByRole("columnheader", { name: "10" })).toBeVisible();
    await expect(heatmap.getByRole("rowheader", { name: "Tue" })).toBeVisible();
    const cell = heatmap.locator('[data-testid="heatmap-cell"][data-weekday="2"][data-hour="10"]');
    await expect(cell).toHaveAccessibleName(/^Tuesday 10:00–11:00: [\d,]+ conversations$/);
    const inCell = Number(((await cell.textContent()) ?? "").replaceAll(",", ""));
    expect(inCell).toBeGreaterThan(50);
    await cell.click();
    await expect(page).toHaveURL(/when=2-10/);
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => callCount(page)).toBe(inCell);
    await expect(page.getByTestId("drill-chips")).toContainText("Tuesday 10:00–11:00");
    // The heatmap keeps every cell while one is chosen.
    const neighbour = heatmap.locator(
      '[data-testid="heatmap-cell"][data-weekday="2"][data-hour="11"]',
    );
    await expect(neighbour).not.toHaveText("0");
    // Every row starts within the hour, in the viewer's zone.
    const times = await page
      .locator("tbody tr[data-legs]")
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll("[role=gridcell]")[1]?.textContent ?? ""),
      );
    for (const time of times) expect(time).toMatch(/, 10:\d\d:\d\d/);

    await cell.click();
    await expect(page).not.toHaveURL(/when=/);
    await expect.poll(() => callCount(page)).toBe(all);
    await neighbour.click();
    await page.getByRole("button", { name: /Remove the filter Tuesday 11:00–12:00/ }).click();
    await expect(page).not.toHaveURL(/when=/);
  });

  test("answer rate and missed views, by keyboard", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    await page.getByTestId("heatmap-metric-answerRate").click();
    await expect(page).toHaveURL(/heat=answerRate/);
    const cell = page.locator('[data-testid="heatmap-cell"][data-weekday="2"][data-hour="10"]');
    await expect(cell).toHaveText(/^\d+%$/);
    await expect(cell).toHaveAccessibleName(/answered of [\d,]+ offered/);
    await page.getByTestId("heatmap-metric-missed").click();
    await expect(cell).toHaveAccessibleName(/missed or abandoned/);
    // One cell in the tab order; arrows move, Enter chooses.
    await cell.focus();
    await page.keyboard.press("ArrowRight");
    const next = page.locator('[data-testid="heatmap-cell"][data-weekday="2"][data-hour="11"]');
    await expect(next).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/when=2-11/);
  });
});

test.describe("navigation between the pages", () => {
  test("the header's links keep the filters; the loaded calls are not fetched again", async ({
    page,
  }) => {
    let loads = 0;
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname === "/api/calls" && !url.searchParams.has("callId")) loads++;
    });
    await page.goto(callsUrl({ type: "8", slaS: "30", sort: "Duration.desc" }));
    await waitForRows(page);
    const nav = page.getByRole("navigation", { name: "Pages" });
    await expect(nav.getByRole("link", { name: "Calls" })).toHaveAttribute("aria-current", "page");

    await nav.getByRole("link", { name: "Queues" }).click();
    await expect(page).toHaveURL(/\/queues\?/);
    await expect(page).toHaveURL(/type=8/);
    await expect(page).toHaveURL(/slaS=30/);
    await expect(page).not.toHaveURL(/sort=/);
    await expect(page.getByTestId("queues-table")).toBeVisible();
    await expect(page.getByLabel("Service level within (s)")).toHaveValue("30");

    await nav.getByRole("link", { name: "Agents" }).click();
    await expect(page).toHaveURL(/\/agents\?.*type=8/);
    await expect(page.getByTestId("agents-table")).toBeVisible();

    await nav.getByRole("link", { name: "Calls" }).click();
    await expect(page).toHaveURL(/\/calls\?.*type=8/);
    await waitForRows(page);
    expect(loads).toBe(1);

    // A filter set on one page is there on the next.
    await page.getByLabel("Min. duration (s)").fill("60");
    await page.getByRole("button", { name: "Apply" }).click();
    await nav.getByRole("link", { name: "Agents" }).click();
    await expect(page).toHaveURL(/minDur=60/);
    await expect(page.getByLabel("Min. duration (s)")).toHaveValue("60");
  });
});
