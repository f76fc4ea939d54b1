import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoEmail } from "@/lib/auth/demo-accounts";

import { expect, test } from "./fixtures";
import { callCount, callsUrl, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { openPerson, type Person, type PersonOptions } from "./support/browser-session";

/**
 * Saved views and the remembered display zone, on a demo-mode server of the spec's own (its
 * own database) with the demo accounts: a viewer saves a personal view, opens it from the
 * menu by keyboard, makes it the default and lands on it at `/`; a shared view seen by a
 * second person, who may not change it while an admin may; a visitor who keeps nothing; the
 * zone picked kept for the same person in a new browser, and a link showing the same calls
 * in another person's zone. English and Hebrew, axe-clean, on a phone.
 */
const PEOPLE = { vera: "viewer", sam: "supervisor", ada: "admin" } as const;
type Who = keyof typeof PEOPLE;

// several people, each signing in, on a server of its own
test.describe.configure({ timeout: 240_000 });

let app: AppServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  app = await startAppServer(E2E_PORTS.gated, {
    VOICENTER_CODE: "",
    CALLBOARD_TIMEZONE: "Asia/Jerusalem",
    // the origin the demo sign-ins' requests come from (the check compares it with this)
    CALLBOARD_BASE_URL: `http://127.0.0.1:${E2E_PORTS.gated}`,
  });
});
test.afterAll(() => app?.close());

/** A person in a new browser, signed in with their demo account through the header's switcher. */
async function signedIn(
  browser: Parameters<typeof openPerson>[0],
  who: Who,
  path: string,
  options: PersonOptions = {},
): Promise<Person> {
  const person = await openPerson(browser, options);
  await person.page.goto(`${app.url}${path}`);
  await person.page.getByTestId("demo-role-switcher").selectOption(PEOPLE[who]);
  // signs in, then reloads the page
  await expect(person.page.getByTestId("account-label")).toHaveText(demoEmail(PEOPLE[who]), {
    timeout: 30_000,
  });
  return person;
}

const menuButton = (page: Page) => page.getByRole("button", { name: /^Views/ });
const menu = (page: Page) => page.getByRole("menu", { name: "Saved views" });

async function openMenu(page: Page) {
  await menuButton(page).click();
  await expect(menu(page)).toBeVisible();
  // the list is loaded afresh on each opening
  await expect(menu(page).getByText("Loading views…")).toHaveCount(0);
}

async function saveView(
  page: Page,
  name: string,
  options: { shared?: boolean; makeDefault?: boolean } = {},
) {
  await openMenu(page);
  await menu(page).getByRole("menuitem", { name: "Save this view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill(name);
  if (options.shared) await dialog.getByLabel(/Shared with everyone/).check();
  if (options.makeDefault) await dialog.getByLabel(/Open it at \//).check();
  await dialog.getByRole("button", { name: "Save", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${name}”.` })).toBeVisible();
}

async function manage(page: Page) {
  await openMenu(page);
  await menu(page).getByRole("menuitem", { name: "Manage views…" }).click();
  return page.getByRole("dialog", { name: "Saved views" });
}

const search = (page: Page) => new URL(page.url()).searchParams;

test("a viewer saves a personal view, opens it from the menu by keyboard, and lands on it at / once it is the default", async ({
  browser,
}) => {
  const vera = await signedIn(
    browser,
    "vera",
    callsUrl({ status: "ANSWER", sort: "Duration.desc" }),
  );
  const { page } = vera;
  await waitForRows(page);
  // an open call is not part of the view
  await page.locator("tbody [role=row]").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect.poll(() => search(page).get("call")).toBeNull();
  const viewUrl = new URL(page.url());
  await saveView(page, "Answered, longest first", { makeDefault: false });

  // the list answers slowly: the menu opens while it loads and moves to the first view once
  // it has (it stayed on "Manage views…", the only item a loading menu has)
  await page.route("**/api/views", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.fallback();
  });
  await page.goto(`${app.url}/agents`);
  // by keyboard: the button opens the menu on its first item, arrows move, Enter opens
  await menuButton(page).focus();
  await page.keyboard.press("ArrowDown");
  await expect(menu(page)).toBeVisible();
  const item = menu(page).getByRole("menuitem", { name: /Answered, longest first/ });
  await expect(item).toBeFocused();
  await page.unroute("**/api/views");
  await page.keyboard.press("End");
  await expect(menu(page).getByRole("menuitem", { name: "Manage views…" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(item).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu(page)).toBeHidden();
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(item).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === "/calls");
  expect(search(page).get("status")).toBe("ANSWER");
  expect(search(page).get("sort")).toBe("Duration.desc");
  expect(search(page).get("from")).toBe(viewUrl.searchParams.get("from"));
  await waitForRows(page);

  // `/` is /calls until a default is chosen
  await page.goto(`${app.url}/`);
  await page.waitForURL((url) => url.pathname === "/calls");
  expect(search(page).get("status")).toBeNull();
  const dialog = await manage(page);
  const row = dialog.getByTestId("managed-view").filter({ hasText: "Answered, longest first" });
  await row.getByRole("button", { name: "Open at /" }).click();
  await expect(row.getByText("default", { exact: true })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.goto(`${app.url}/`);
  await page.waitForURL((url) => url.searchParams.get("status") === "ANSWER");
  expect(new URL(page.url()).pathname).toBe("/calls");
  expect(search(page).get("sort")).toBe("Duration.desc");
  await waitForRows(page);
  await vera.close();
});

test("a shared view: another viewer sees and opens it but may not change it; an admin renames and deletes it", async ({
  browser,
}) => {
  const vera = await signedIn(browser, "vera", callsUrl({ type: "8" }));
  await waitForRows(vera.page);
  await saveView(vera.page, "Team: inbound", { shared: true });
  await saveView(vera.page, "Vera only");

  // a visitor opens shared views but keeps none, and is told how to
  const visitor = await openPerson(browser);
  await visitor.page.goto(`${app.url}/queues`);
  await openMenu(visitor.page);
  await expect(menu(visitor.page).getByRole("menuitem", { name: /Team: inbound/ })).toBeVisible();
  await expect(
    menu(visitor.page).getByRole("menuitem", {
      name: "Save this view… (sign in with a demo account to save views)",
    }),
  ).toHaveAttribute("aria-disabled", "true");
  await visitor.page.keyboard.press("Escape");
  await expect(
    visitor.page.getByText(/For this link only: sign in with a demo account/),
  ).toBeVisible();
  await visitor.close();

  const sam = await signedIn(browser, "sam", "/queues", {
    expectedErrors: [/Failed to load resource: the server responded with a status of 403/],
  });
  await openMenu(sam.page);
  const shared = menu(sam.page).getByRole("group", { name: "Shared with everyone" });
  await expect(shared.getByRole("menuitem")).toHaveText([
    /Team: inbound.*by viewer@demo\.callboard\.invalid/,
  ]);
  await expect(
    menu(sam.page).getByRole("group", { name: "My views" }).getByRole("menuitem"),
  ).toHaveText(["No views of yours yet"]);
  await expect(menu(sam.page).getByText("Vera only")).toHaveCount(0);
  await shared.getByRole("menuitem", { name: /Team: inbound/ }).click();
  await sam.page.waitForURL(
    (url) => url.pathname === "/calls" && url.searchParams.get("type") === "8",
  );

  const samManages = await manage(sam.page);
  const teamRow = samManages.getByTestId("managed-view").filter({ hasText: "Team: inbound" });
  await expect(
    teamRow.getByText("Only viewer@demo.callboard.invalid or an admin may change it."),
  ).toBeVisible();
  await expect(teamRow.getByRole("button", { name: "Rename" })).toHaveCount(0);
  // the server refuses it anyway
  const viewId = await teamRow.getAttribute("data-view-id");
  const refused = await sam.page.request.patch(`${app.url}/api/views/${viewId}`, {
    data: { name: "Sam's now" },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
    /only its owner or an admin may rename/,
  );

  const ada = await signedIn(browser, "ada", "/calls");
  const adaManages = await manage(ada.page);
  const adaRow = adaManages.getByTestId("managed-view").filter({ hasText: "Team: inbound" });
  await adaRow.getByRole("button", { name: "Rename" }).click();
  await adaRow.getByLabel("New name for “Team: inbound”").fill("Team: inbound calls");
  await adaRow.getByRole("button", { name: "Save name" }).click();
  await expect(adaManages.getByText("Team: inbound calls", { exact: true })).toBeVisible({
    timeout: 20_000,
  });

  await sam.page.reload();
  await openMenu(sam.page);
  await expect(menu(sam.page).getByRole("menuitem", { name: /Team: inbound calls/ })).toBeVisible();
  await sam.page.keyboard.press("Escape");

  const renamed = adaManages.getByTestId("managed-view").filter({ hasText: "Team: inbound calls" });
  await renamed.getByRole("button", { name: "Delete" }).click();
  await renamed.getByRole("button", { name: "Yes, delete" }).click();
  await expect(renamed).toHaveCount(0, { timeout: 20_000 });
  await openMenu(sam.page);
  await expect(
    menu(sam.page).getByRole("group", { name: "Shared with everyone" }).getByRole("menuitem"),
  ).toHaveText(["Nobody has shared a view yet"]);
  await Promise.all([vera.close(), sam.close(), ada.close()]);
});

/** The From input's wall time, and the day's calls count, as a viewer sees them. */
async function shownRange(page: Page) {
  await waitForRows(page);
  return {
    from: await page.getByLabel("From", { exact: true }).inputValue(),
    count: await callCount(page),
  };
}

test("the zone picked is remembered for the same person in a new browser; the same link shows the same calls in another's zone", async ({
  browser,
}) => {
  const url = callsUrl({ status: "ANSWER" });
  const vera = await signedIn(browser, "vera", url);
  const jerusalem = await shownRange(vera.page);
  await vera.page.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await expect(vera.page.getByText("Remembered for your account")).toBeVisible();
  await expect(
    vera.page.getByRole("region", { name: "Filters" }).getByText("Times in America/Sao_Paulo"),
  ).toBeVisible();
  const saoPaulo = await shownRange(vera.page);
  expect(saoPaulo.count).toBe(jerusalem.count);
  expect(saoPaulo.from).not.toBe(jerusalem.from);
  // the URL still holds instants, and no zone
  expect(search(vera.page).get("tz")).toBeNull();
  const link = vera.page.url();
  await vera.close();

  // a new browser, signed in afresh: the zone is the person's, not the session's
  const again = await signedIn(browser, "vera", url);
  await expect(again.page.getByLabel("Time zone")).toHaveValue("America/Sao_Paulo");
  expect(await shownRange(again.page)).toEqual(saoPaulo);
  await again.close();

  // another person opens the same link: the same calls, in their own zone (this browser's)
  const sam = await signedIn(browser, "sam", new URL(link).pathname + new URL(link).search);
  expect(await shownRange(sam.page)).toEqual(jerusalem);
  await expect(sam.page.getByLabel("Time zone")).toHaveValue("");
  // a link may ask for a zone of its own, above the saved one
  await sam.page.goto(`${link}&tz=UTC`);
  await expect(sam.page.getByText("This link asks for UTC")).toBeVisible();
  const utc = await shownRange(sam.page);
  expect(utc.count).toBe(jerusalem.count);
  expect(utc.from).not.toBe(jerusalem.from);
  await sam.close();
});

test("the menu and its dialogs in Hebrew, right to left, axe-clean, and on a phone", async ({
  browser,
}) => {
  const person = await signedIn(browser, "ada", callsUrl(), { locale: "he-IL", phone: true });
  const { page } = person;
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const button = page.getByRole("button", { name: /^תצוגות/ });
  await button.click();
  const heMenu = page.getByRole("menu", { name: "תצוגות שמורות" });
  await expect(heMenu).toBeVisible();
  const box = await heMenu.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await heMenu.getByRole("menuitem", { name: "שמירת התצוגה הזאת…" }).click();
  const dialog = page.getByRole("dialog", { name: "שמירת התצוגה הזאת" });
  await expect(dialog).toBeVisible();
  // an empty name is refused in the page's language, before asking the server
  await dialog.getByRole("button", { name: "שמירה" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("יש לתת לתצוגה שם.");
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await person.close();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
