import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { busyDayRange, nextCallsAnswer } from "./helpers";
import { openPerson } from "./support/browser-session";

/**
 * The callback worklist on the demo server: a row closes when a later answered call exists
 * (and is open in a range that ends before it), an assignment and a note are kept in the
 * database — after a reload, and for a colleague in another browser — and a viewer is
 * refused on the page and by the API.
 */

const range = busyDayRange();
const url = (params: Record<string, string> = {}) =>
  `/callbacks?${new URLSearchParams({ from: range.from, to: range.to, ...params }).toString()}`;
const rows = (page: Page, state?: string) =>
  page.locator(`[data-testid="worklist-table"] tbody tr${state ? `[data-state="${state}"]` : ""}`);
const digits = (text: string) => {
  const d = text.replace(/\D/g, "");
  return d.startsWith("972") ? `0${d.slice(3)}` : d;
};

async function waitForWorklist(page: Page): Promise<void> {
  await expect(rows(page).first()).toBeVisible({ timeout: 90_000 });
}

interface HandRecord {
  CallID: string;
  Date: string;
  DialStatus: string;
  CallerNumber?: string;
  TargetNumber?: string;
}

test("a row closes when a later answered call exists, and is open in a range ending before it", async ({
  page,
}) => {
  test.slow(); // a busy day of the e2e simulator, loaded three times
  const loaded = nextCallsAnswer<HandRecord>(page);
  await page.goto(url({ worklist: "done" }));
  const { calls } = await loaded;
  await waitForWorklist(page);
  await expect(
    page.getByTestId("worklist-views").getByRole("button", { pressed: true }),
  ).toHaveText(/^Closed/);
  await expect(rows(page, "reached").first()).toBeVisible();
  // A row reached a while after its first miss (not in the same second)
  const key = await rows(page, "reached").evaluateAll(
    (trs) =>
      trs
        .map((tr) => tr as HTMLElement)
        .find((tr) => Number(tr.dataset.reachedAt) - Number(tr.dataset.firstMissed) > 60_000)
        ?.dataset.rowKey ?? "",
  );
  expect(key).not.toBe("");
  const reached = page.locator(`tr[data-row-key="${key}"]`);
  const number = key.split("|")[0] ?? "";
  const firstMissed = Number(await reached.getAttribute("data-first-missed"));
  const reachedAt = Number(await reached.getAttribute("data-reached-at"));
  expect(reachedAt).toBeGreaterThanOrEqual(firstMissed);
  await expect(reached.getByTestId("worklist-state")).toContainText(
    /Reached(Called back by|Called again)/,
  );

  // By hand: the loaded calls hold an answered call with that number at that instant, and
  // the miss the row began with.
  const ofNumber = calls.filter(
    (c) => digits(c.CallerNumber ?? "") === number || digits(c.TargetNumber ?? "") === number,
  );
  expect(ofNumber.some((c) => c.DialStatus === "ANSWER" && Date.parse(c.Date) === reachedAt)).toBe(
    true,
  );
  expect(
    ofNumber.some((c) => c.CallID === key.split("|")[1] || Date.parse(c.Date) === firstMissed),
  ).toBe(true);

  // The caller opens their calls on /calls, the range kept.
  await reached.getByTestId("worklist-caller").click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?.*phone=${number}`), { timeout: 30_000 });
  await expect(page).toHaveURL(/from=/);

  // Up to a second before that call nobody had reached them: the same row (its key in the
  // URL) is open, waiting.
  const before = new Date(reachedAt - 1000).toISOString();
  await page.goto(
    `/callbacks?${new URLSearchParams({ from: range.from, to: before, callback: key }).toString()}`,
  );
  const panel = page.getByTestId("callback-panel");
  await expect(panel).toHaveAttribute("data-state", "open", { timeout: 90_000 });
  await expect(panel).toHaveAttribute("data-row-key", key);
  await expect(panel.getByTestId("panel-reached")).toHaveCount(0);
});

async function chooseAssignee(panel: Locator, label: RegExp | string): Promise<void> {
  const select = panel.getByTestId("panel-assignee");
  const options = await select.locator("option").allTextContents();
  const wanted = options.find((o) => (typeof label === "string" ? o === label : label.test(o)));
  expect(wanted, `an option ${String(label)} among ${options.join(", ")}`).toBeDefined();
  await select.selectOption({ label: wanted! });
  await expect(panel.getByTestId("panel-status")).toHaveText("");
  await expect(select).toBeEnabled();
}

test("an assignment and a note persist across a reload and are seen from a second browser", async ({
  browser,
}) => {
  test.slow(); // two people, each loading a busy day more than once
  const note = `Asked to be called after 16:00 (run ${Date.now()})`;
  const maya = await openPerson(browser);
  await maya.page.goto(url());
  await waitForWorklist(maya.page);
  const row = rows(maya.page, "open").first();
  const key = (await row.getAttribute("data-row-key")) ?? "";
  // Keyboard: the row's Open button opens its work.
  await row.getByRole("button", { name: /^Work on/ }).focus();
  await maya.page.keyboard.press("Enter");
  await expect(maya.page).toHaveURL((u) => u.searchParams.get("callback") === key);
  const panel = maya.page.getByTestId("callback-panel");
  await expect(panel).toBeVisible();

  // From nobody (an earlier run may have left someone) to the demo supervisor.
  await chooseAssignee(panel, "Nobody");
  await chooseAssignee(panel, /^Demo supervisor/);
  const mine = maya.page.locator(`tr[data-row-key="${key}"]`);
  await expect(mine.getByTestId("worklist-assignee")).toHaveText(/^Demo supervisor/);
  await panel.getByTestId("panel-note-input").fill(note);
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.getByTestId("panel-notes")).toContainText(note);
  await expect(mine.getByTestId("worklist-note")).toContainText(note);

  await maya.page.reload();
  await waitForWorklist(maya.page);
  await expect(maya.page.getByTestId("callback-panel")).toBeVisible();
  await expect(maya.page.getByTestId("panel-assignee").locator("option:checked")).toHaveText(
    /^Demo supervisor/,
  );
  await expect(maya.page.getByTestId("panel-notes")).toContainText(note);

  // A colleague, signed in as the demo supervisor in another browser, sees both.
  const eli = await openPerson(browser);
  await eli.page.goto(
    `/login?next=${encodeURIComponent(maya.page.url().replace(/^https?:\/\/[^/]+/, ""))}`,
  );
  await eli.page.getByTestId("demo-sign-in-supervisor").click();
  await expect(eli.page.getByTestId("account-role")).toHaveText("supervisor");
  await waitForWorklist(eli.page);
  const theirs = eli.page.locator(`tr[data-row-key="${key}"]`);
  await expect(theirs.getByTestId("worklist-assignee")).toHaveText(/^Demo supervisor/);
  await expect(eli.page.getByTestId("panel-notes")).toContainText(note);

  // They mark it done: it leaves the list to call (Maya sees it closed), then Maya reopens it.
  await eli.page.getByTestId("callback-panel").getByRole("button", { name: "Mark done" }).click();
  await expect(theirs).toHaveCount(0);
  await maya.page.reload();
  await waitForWorklist(maya.page);
  await expect(maya.page.locator(`tr[data-row-key="${key}"]`)).toHaveCount(0);
  const closed = maya.page.getByTestId("callback-panel");
  await expect(closed).toContainText(/Done by supervisor@demo\.callboard\.invalid/);
  await closed.getByRole("button", { name: "Reopen" }).click();
  await expect(maya.page.locator(`tr[data-row-key="${key}"]`)).toHaveAttribute(
    "data-state",
    "open",
  );

  await eli.close();
  await maya.close();
});

test("a viewer is refused: the not-allowed panel, no link in the header, 403 from the API", async ({
  browser,
}) => {
  const person = await openPerson(browser, { expectedErrors: [/403/] });
  const { page } = person;
  await page.goto(`/login?next=${encodeURIComponent(url())}`);
  await page.getByTestId("demo-sign-in-viewer").click();
  await expect(page.getByTestId("account-role")).toHaveText("viewer");
  await expect(page.getByTestId("not-allowed")).toContainText("supervisor");
  await expect(page.getByTestId("nav-callbacks")).toHaveCount(0);
  const query = new URLSearchParams({
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
  });
  expect((await page.request.get(`/api/callbacks/work?${query.toString()}`)).status()).toBe(403);
  const post = await page.request.post("/api/callbacks/notes", {
    data: {
      key: "0501234567|x",
      number: "0501234567",
      firstMissedAt: range.from,
      missedIds: [],
      text: "x",
    },
  });
  expect(post.status()).toBe(403);
  await person.close();
});

test("in Hebrew, dark, on a phone: right to left, axe-clean, the page does not scroll sideways", async ({
  browser,
}) => {
  test.slow();
  const person = await openPerson(browser, { locale: "he-IL", dark: true, phone: true });
  const { page } = person;
  await page.goto(url());
  await waitForWorklist(page);
  await expect(page.getByRole("heading", { name: "חזרה ללקוחות", level: 2 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await rows(page)
    .first()
    .getByRole("button", { name: /^עבודה על/ })
    .click();
  await expect(page.getByTestId("callback-panel")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"),
  ).toEqual([]);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3)
      .map((e) => `${e.tagName}.${e.className}`),
  );
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    wide.join("; "),
  ).toBe(true);
  await person.close();
});
