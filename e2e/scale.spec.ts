import { expect, test } from "./fixtures";
import { callCount, callsGrid, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";
import { signInToLive } from "./support/live-session";

/**
 * 100,000 calls: the live server reads from the standalone simulator, which runs a busier
 * call center (see playwright.config.ts), over a range of several days.
 */
// the live server wants a signed-in person
test.beforeEach(({ context }) => signInToLive(context));

test("100,000 rows keep fewer than 150 row elements in the DOM, and scroll", async ({ page }) => {
  test.setTimeout(240_000);
  const to = new Date(Date.now() - 2 * 86_400_000);
  const from = new Date(to.getTime() - 9 * 86_400_000);
  const url = `http://127.0.0.1:${E2E_PORTS.live}/calls?from=${from.toISOString()}&to=${to.toISOString()}&cols=Date,Type,DialStatus,Duration`;
  await page.goto(url);
  await waitForRows(page);
  expect(await callCount(page)).toBeGreaterThanOrEqual(100_000);
  expect(await page.locator("tbody [role=row]").count()).toBeLessThan(150);
  const grid = callsGrid(page);
  await grid.evaluate((el) => {
    const scroller = el.parentElement;
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  });
  await expect
    .poll(async () =>
      Number(await page.locator("tbody [role=row]").last().getAttribute("aria-rowindex")),
    )
    .toBeGreaterThan(100_000);
  expect(await page.locator("tbody [role=row]").count()).toBeLessThan(150);
});
