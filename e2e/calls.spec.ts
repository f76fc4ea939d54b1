import { expect, test } from "./fixtures";
import { callCount, callsUrl, columnTexts, seconds, waitForRows } from "./helpers";

test.describe("the calls page in demo mode", () => {
  test("/ leads to /calls, which shows a day of calls with the demo badge", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/calls/);
    await expect(page.getByTestId("demo-badge")).toBeVisible();
    await page.goto(callsUrl());
    await waitForRows(page);
    expect(await callCount(page)).toBeGreaterThan(500);
    // One row per conversation.
    const table = page.getByRole("treegrid");
    await expect(table).toHaveAttribute("aria-rowcount", String((await callCount(page)) + 1));
  });

  test("each kind of filter changes the URL and the rows", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const all = await callCount(page);

    // Call type (upstream filter): Queue only.
    await page.locator("summary", { hasText: "Call type" }).click();
    await page.getByRole("checkbox", { name: "Queue", exact: true }).check();
    await expect(page).toHaveURL(/type=8/);
    await expect.poll(() => callCount(page)).toBeLessThan(all);
    const queueOnly = await callCount(page);
    const types = await columnTexts(page, "Type");
    expect(new Set(types.filter(Boolean))).toEqual(new Set(["Queue"]));
    await page.locator("summary", { hasText: "Call type" }).click();

    // Status (browser-side filter).
    await page.locator("summary", { hasText: "Status" }).click();
    await page.getByRole("checkbox", { name: "Answered", exact: true }).check();
    await expect(page).toHaveURL(/status=ANSWER/);
    await expect.poll(() => callCount(page)).toBeLessThan(queueOnly);
    await page.locator("summary", { hasText: "Status" }).click();

    // Duration bounds (Apply).
    const answered = await callCount(page);
    await page.getByLabel("Min. duration (s)").fill("120");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/minDur=120/);
    await expect.poll(() => callCount(page)).toBeLessThan(answered);
    for (const text of await columnTexts(page, "Duration"))
      expect(seconds(text)).toBeGreaterThanOrEqual(120);

    // Back walks through filter history.
    await page.goBack();
    await expect(page).not.toHaveURL(/minDur/);
    await expect.poll(() => callCount(page)).toBe(answered);

    // Preset range.
    await page.getByRole("button", { name: "Reset" }).click();
    await page.getByRole("button", { name: "Yesterday", exact: true }).click();
    await expect(page).toHaveURL(/range=yesterday/);
    await expect(page).not.toHaveURL(/from=/);
    await waitForRows(page);
  });

  test("phone and extension filters go upstream, normalized", async ({ page }) => {
    await page.goto(callsUrl());
    await waitForRows(page);
    const callers = (await columnTexts(page, "Caller")).filter((c) => /^0\d/.test(c));
    const phone = callers[0] ?? "";
    expect(phone).not.toBe("");
    const request = page.waitForRequest(
      (r) => r.url().includes("/api/calls") && r.url().includes("phone="),
    );
    await page.getByLabel("Phones").fill(phone);
    await page.getByRole("button", { name: "Apply" }).click();
    await request;
    await expect(page).toHaveURL(/phone=/);
    await expect.poll(() => callCount(page)).toBeLessThan(50);
    const shown = await columnTexts(page, "Caller");
    expect(shown.length).toBeGreaterThan(0);
  });

  test("a bad value in the URL is named, not a blank page", async ({ page }) => {
    await page.goto("/calls?from=yesterday&to=2026-01-01T00:00:00Z");
    await expect(page.getByRole("alert").first()).toContainText("from");
  });
});

test("a custom range typed in the viewer's zone lands in the URL as instants", async ({ page }) => {
  await page.goto("/calls?range=yesterday");
  await waitForRows(page);
  const from = page.locator('input[name="from"]');
  await from.fill("2026-11-10T08:00");
  await page.locator('input[name="to"]').fill("2026-11-10T12:00");
  await page.locator('input[name="to"]').blur();
  // 08:00 in Jerusalem on 10 Nov 2026 is 06:00 UTC (winter time, +02:00).
  await expect(page).toHaveURL(/from=2026-11-10T06%3A00%3A00.000Z|from=2026-11-10T06:00:00.000Z/);
  await expect(page).not.toHaveURL(/range=/);
  await waitForRows(page);
});

test("choosing a status in the status chart filters by it; Reset keeps sort and columns", async ({
  page,
}) => {
  await page.goto(callsUrl({ sort: "Duration.desc", cols: "Date,Type,DialStatus,Duration" }));
  await waitForRows(page);
  const all = await callCount(page);
  await page.getByRole("button", { name: /^Show only No answer calls/ }).click();
  await expect(page).toHaveURL(/status=NOANSWER/);
  await expect.poll(() => callCount(page)).toBeLessThan(all);
  expect(new Set(await columnTexts(page, "Status"))).toEqual(new Set(["No answer"]));
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page).toHaveURL(/sort=Duration.desc/);
  await expect(page).toHaveURL(/cols=/);
});

test("the KPI thresholds are set in the filters and kept in the URL", async ({ page }) => {
  await page.goto(callsUrl());
  await waitForRows(page);
  const serviceLevel = page.locator("dl > div", {
    has: page.locator("dt", { hasText: /^Service level$/ }),
  });
  await expect(serviceLevel).toContainText("answered within 20 s");
  const before = await serviceLevel.locator("dd").first().textContent();
  await page.getByLabel("Service level within (s)").fill("60");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/slaS=60/);
  await expect(serviceLevel).toContainText("answered within 60 s");
  expect(await serviceLevel.locator("dd").first().textContent()).not.toBe(before);
});
