import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { openPerson, signInWithForm, type Person } from "./support/browser-session";
import { signedLiveEnv } from "./support/live-env";

/**
 * The review queue in Chromium. Two supervisors and a viewer, local users of a live-mode
 * server: one reviews three recordings by keyboard (the audio really plays, the next one
 * follows at a recording's end), the other opens the handed-over link and sees the marks; the
 * URL resumes the review; the viewer sees neither recordings nor the queue. Then the page in
 * Hebrew, dark, on a phone, checked by axe, on the demo server.
 */
const USERS = {
  anna: { email: "anna.qa@callboard.test", role: "supervisor", password: "anna-supervisor-pw" },
  ben: { email: "ben.qa@callboard.test", role: "supervisor", password: "ben-supervisor-pw1" },
  vera: { email: "vera.view@callboard.test", role: "viewer", password: "vera-viewer-password" },
} as const;

/** Answered calls with short recordings (3–8 s), one per record, oldest first. */
const VIEW = { status: "ANSWER", minDur: "3", maxDur: "8", rows: "records", sort: "Date" };
const NOTE = "Did not confirm the caller's address; just read the script";

let app: AppServer | undefined;
test.beforeAll(async () => {
  // three users made by the command line, then a cold start: slow on a busy machine
  test.setTimeout(240_000);
  app = await startAppServer(E2E_PORTS.gated, signedLiveEnv("review"), {
    users: Object.values(USERS),
  });
});
test.afterAll(() => app?.close());

function origin(): string {
  if (!app) throw new Error("the app server did not start");
  return app.url;
}

async function signedIn(browser: Parameters<typeof openPerson>[0], who: keyof typeof USERS) {
  const person = await openPerson(browser, {
    // a viewer's refused API calls are logged by the browser as errors
    expectedErrors: who === "vera" ? [/403/] : [],
  });
  await person.page.goto(`${origin()}${callsUrl(VIEW)}`);
  await signInWithForm(person.page, USERS[who].email, USERS[who].password);
  return person;
}

const position = (page: Page) => new URL(page.url()).searchParams.get("call");
const audio = (page: Page) => page.getByTestId("recording-audio");
const currentTime = (page: Page) =>
  audio(page).evaluate((element: HTMLAudioElement) => element.currentTime);

/** The audio of the current call plays: its time moves on. */
async function expectPlaying(page: Page, callId: string) {
  await expect(page.getByTestId("recording-player")).toHaveAttribute("data-call-id", callId);
  // generous: the recording streams through the app from the simulator on a shared machine
  await expect.poll(() => currentTime(page), { timeout: 60_000 }).toBeGreaterThan(0.3);
}

async function waitForQueue(page: Page) {
  await expect(page.getByTestId("review-progress")).toHaveText(/\d+ of \d+ reviewed/, {
    timeout: 60_000,
  });
  await expect.poll(() => position(page)).not.toBeNull();
}

const total = async (page: Page) =>
  Number(/of (\d+)/.exec((await page.getByTestId("review-progress").textContent()) ?? "")?.[1]);

test.describe.serial("supervisors review recordings; a viewer sees no queue", () => {
  let handedOver = "";
  let flagged = "";
  let queueLength = 0;

  test("a supervisor reviews three recordings by keyboard, in the view's order", async ({
    browser,
  }) => {
    // two recordings heard through, three marks, a reload
    test.setTimeout(240_000);
    const anna = await signedIn(browser, "anna");
    const { page } = anna;
    await waitForRows(page);
    // from the filtered view: the link keeps its filters and its order
    await page.getByTestId("open-review").click();
    await expect(page).toHaveURL(/\/review\?/);
    const url = new URL(page.url());
    for (const [name, value] of Object.entries(VIEW))
      expect(url.searchParams.get(name), name).toBe(value);
    await waitForQueue(page);
    queueLength = await total(page);
    expect(queueLength).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId("review-progress")).toHaveText(`0 of ${queueLength} reviewed`);
    await expect(page.getByTestId("review-shortcuts")).toContainText("mark reviewed");

    const first = position(page) ?? "";
    const upNext = await page
      .getByTestId("review-up-next")
      .locator("[data-call-id]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-call-id") ?? ""));
    const [second, third, fourth, fifth] = upNext;
    expect(upNext.length).toBeGreaterThanOrEqual(4);

    // Space plays; at the recording's end the next one follows, playing
    await page.keyboard.press("Space");
    await expectPlaying(page, first);
    await expect.poll(() => position(page), { timeout: 60_000 }).toBe(second);
    await expectPlaying(page, second ?? "");
    // K back to the first, R marks it and moves on; R comes while the first still loads (the
    // recording answers slowly here): it is playing all the same, and the second plays on
    await page.route("**/api/recordings/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.fallback();
    });
    await page.keyboard.press("k");
    await expect.poll(() => position(page)).toBe(first);
    await page.keyboard.press("r");
    await expect.poll(() => position(page)).toBe(second);
    await expect(page.getByTestId("review-progress")).toHaveText(`1 of ${queueLength} reviewed`);
    // it was playing: the second plays on; Space pauses it
    await expectPlaying(page, second ?? "");
    await page.unroute("**/api/recordings/**");
    await page.keyboard.press("Space");
    await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);

    // F opens the note and score; typing J, K, R or F there is only typing
    await page.keyboard.press("f");
    const note = page.getByTestId("review-note");
    await expect(note).toBeFocused();
    await page.keyboard.type(NOTE);
    await expect(note).toHaveValue(NOTE);
    expect(position(page)).toBe(second);
    await page.getByLabel("2 of 5").check();
    await note.focus();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => position(page)).toBe(third);
    flagged = second ?? "";

    // J skips ahead, K comes back; Space plays the third and R marks it
    await page.keyboard.press("j");
    await expect.poll(() => position(page)).toBe(fourth);
    await page.keyboard.press("k");
    await expect.poll(() => position(page)).toBe(third);
    await page.keyboard.press("Space");
    await expectPlaying(page, third ?? "");
    await page.keyboard.press("r");
    await expect.poll(() => position(page)).toBe(fourth);
    // it was playing: the next one plays on
    await expectPlaying(page, fourth ?? "");
    await page.keyboard.press("Space");

    await expect(page.getByTestId("review-progress")).toHaveText(`3 of ${queueLength} reviewed`);
    await expect(page.getByTestId("review-progress-detail")).toHaveText("1 flagged · 3 by you");

    // the URL resumes: reloaded, the review is where it was
    handedOver = page.url();
    await page.reload();
    await waitForQueue(page);
    expect(position(page)).toBe(fourth);
    await expect(page.getByTestId("review-position")).toHaveText(`Recording 4 of ${queueLength}`);

    // not yet reviewed: the three marked calls are left out
    await page.getByTestId("review-unreviewed").check();
    await expect(page.getByTestId("review-position")).toHaveText(
      `Recording 1 of ${queueLength - 3} not yet reviewed`,
    );
    await page.keyboard.press("j");
    await expect.poll(() => position(page)).toBe(fifth);
    await page.keyboard.press("k");
    await expect.poll(() => position(page)).toBe(fourth);
    await anna.close();
  });

  test("another supervisor opens the handed-over link and sees the marks", async ({ browser }) => {
    const ben: Person = await signedIn(browser, "ben");
    const { page } = ben;
    const link = new URL(handedOver);
    link.searchParams.set("call", flagged);
    await page.goto(link.toString());
    await waitForQueue(page);
    expect(position(page)).toBe(flagged);
    await expect(page.getByTestId("review-progress")).toHaveText(`3 of ${queueLength} reviewed`);
    await expect(page.getByTestId("review-progress-detail")).toHaveText("1 flagged · 0 by you");
    const mark = page.getByTestId("review-mark");
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveAttribute("data-status", "flagged");
    await expect(mark).toContainText(`Flagged by ${USERS.anna.email} on`);
    await expect(mark).toContainText("Score 2 of 5");
    await expect(mark).toContainText(NOTE);

    // the one before it: reviewed by the first supervisor, and now by this one too
    await page.keyboard.press("k");
    await expect(page.getByTestId("review-mark")).toContainText(`Reviewed by ${USERS.anna.email}`);
    await page.getByTestId("review-mark-reviewed").click();
    await expect.poll(() => position(page)).toBe(flagged);
    await page.keyboard.press("k");
    await expect(page.getByTestId("review-mark")).toHaveCount(2);
    await expect(page.locator("[data-testid=review-mark][data-mine]")).toContainText("by you");
    await expect(page.getByTestId("review-progress-detail")).toHaveText("1 flagged · 1 by you");
    await ben.close();
  });

  test("a viewer sees neither recordings nor the review queue", async ({ browser }) => {
    const vera = await signedIn(browser, "vera");
    const { page } = vera;
    await waitForRows(page);
    await expect(page.getByTestId("open-review")).toHaveCount(0);
    await expect(page.getByTestId("nav-review")).toHaveCount(0);
    await expect(page.getByTestId("nav-calls")).toBeVisible();
    await page.locator("tbody [role=row]").first().click();
    await expect(page.getByTestId("recording-not-allowed")).toBeVisible();
    await expect(page.getByTestId("recording-player")).toHaveCount(0);

    await page.goto(handedOver);
    await expect(page.getByTestId("not-allowed")).toContainText("it needs the supervisor role");
    await expect(page.getByTestId("recording-player")).toHaveCount(0);
    const refused = await page.request.post(`${origin()}/api/review/marks/search`, {
      data: { callIds: [flagged] },
    });
    expect(refused.status()).toBe(403);
    expect(
      (
        await page.request.get(`${origin()}/api/recordings/${flagged}`, { maxRedirects: 0 })
      ).status(),
    ).toBe(403);
    await vera.close();
  });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const reviewUrl = () => callsUrl(VIEW).replace("/calls?", "/review?");

test.describe("the review page in Hebrew, dark, and on a phone (demo server)", () => {
  test("axe-clean in English with the flag form open, and right to left in Hebrew, dark", async ({
    page,
    browser,
  }) => {
    await page.goto(reviewUrl());
    await waitForQueue(page);
    await page.keyboard.press("f");
    await expect(page.getByTestId("review-mark-form")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("review-mark-form")).toHaveCount(0);

    const hebrew = await openPerson(browser, { locale: "he-IL", dark: true });
    await hebrew.page.goto(reviewUrl());
    await expect(hebrew.page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(hebrew.page.getByTestId("review-progress")).toHaveText(/\d+ מתוך \d+ נבדקו/, {
      timeout: 60_000,
    });
    await expect(hebrew.page.getByTestId("review-shortcuts")).toContainText("מקלדת");
    expect(await seriousViolations(hebrew.page)).toEqual([]);
    await hebrew.close();
  });

  test("on a phone the page does not overflow sideways", async ({ browser }) => {
    const phone = await openPerson(browser, { phone: true });
    await phone.page.goto(reviewUrl());
    await expect(phone.page.getByTestId("review-progress")).toBeVisible({ timeout: 60_000 });
    await expect(phone.page.getByTestId("recording-player")).toBeVisible();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
