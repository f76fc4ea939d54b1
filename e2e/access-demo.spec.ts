import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";
import { openPerson } from "./support/browser-session";

/**
 * Demo mode stays open, clearly badged: a visitor who has not signed in may do everything an
 * admin may; one-click demo sign-ins and the header's switcher try each role.
 */
const RECORDED = callsUrl({ type: "8", status: "ANSWER", minDur: "60" });

test("a visitor is badged, acts as an admin, and the switcher tries each role", async ({
  browser,
}) => {
  test.slow(); // four roles, each reloading the recorded calls
  const person = await openPerson(browser);
  const { page } = person;
  await page.goto(RECORDED);
  await waitForRows(page);
  await expect(page.getByTestId("demo-badge")).toBeVisible();
  await expect(page.getByTestId("account-label")).toHaveText("Demo visitor");
  await expect(page.getByTestId("account-role")).toHaveText("admin");
  await expect(page.getByRole("button", { name: /Export CSV/ })).toBeVisible();
  await expect(page.getByTestId("nav-audit")).toBeVisible();

  await page.getByTestId("demo-role-switcher").selectOption("viewer");
  await expect(page.getByTestId("account-role")).toHaveText("viewer");
  await expect(page.getByTestId("account-label")).toHaveText("viewer@demo.callboard.invalid");
  await expect(page).toHaveURL(new RegExp(RECORDED.replace(/[?+]/g, "\\$&")));
  await waitForRows(page);
  await expect(page.getByRole("button", { name: /Export CSV/ })).toHaveCount(0);
  await page.locator("tbody [role=row]").first().click();
  await expect(page.getByTestId("recording-not-allowed")).toBeVisible();
  expect((await page.request.get("/api/audit")).status()).toBe(403);
  await page.getByRole("button", { name: "Close call details" }).click();

  await page.getByTestId("demo-role-switcher").selectOption("supervisor");
  await expect(page.getByTestId("account-role")).toHaveText("supervisor");
  await waitForRows(page);
  await page.locator("tbody [role=row]").first().click();
  await expect(page.getByTestId("recording-player")).toBeVisible();
  await expect(page.getByTestId("player-download")).toHaveCount(0);

  await page.getByTestId("demo-role-switcher").selectOption("visitor");
  await expect(page.getByTestId("account-label")).toHaveText("Demo visitor");
  await expect(page.getByTestId("account-role")).toHaveText("admin");
  await person.close();
});

test("a one-click demo sign-in lands on the page it was sent from", async ({ browser }) => {
  const person = await openPerson(browser);
  await person.page.goto(`/login?next=${encodeURIComponent("/calls?range=yesterday")}`);
  await person.page.getByTestId("demo-sign-in-supervisor").click();
  await expect(person.page).toHaveURL(/\/calls\?range=yesterday$/);
  await expect(person.page.getByTestId("account-role")).toHaveText("supervisor");
  await person.close();
});

test("the header with the switcher is clean in Hebrew, dark, on a phone", async ({ browser }) => {
  const person = await openPerson(browser, { locale: "he-IL", dark: true, phone: true });
  await person.page.goto("/admin/audit");
  await expect(person.page.getByTestId("account-role")).toHaveText("מנהל מערכת");
  await expect(person.page.getByRole("heading", { name: "יומן ביקורת" })).toBeVisible();
  const results = await new AxeBuilder({ page: person.page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
  ).toEqual([]);
  expect(
    await person.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
  ).toBe(true);
  await person.close();
});
