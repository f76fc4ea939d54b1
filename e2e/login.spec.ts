import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { liveEnv } from "./support/live-env";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function open(
  browser: Browser,
  url: string,
  options: { locale?: string; dark?: boolean; phone?: boolean } = {},
) {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    colorScheme: options.dark ? "dark" : "light",
    timezoneId: "Asia/Jerusalem",
    ...(options.phone ? { viewport: { width: 360, height: 740 } } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

/** Nothing wider than the screen: no sideways scrolling on a phone. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test.describe("the sign-in page", () => {
  test("demo mode offers a one-click sign-in per role, in English", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle("Sign in · Callboard");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    for (const role of ["viewer", "supervisor", "admin"]) {
      await expect(
        page.getByRole("button", { name: new RegExp(`^Sign in as ${role}`) }),
      ).toBeVisible();
    }
    await expect(page.getByLabel("E-mail", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "password");
    await expect(page.getByTestId("demo-badge")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("in Hebrew it is right-to-left; dark and phone-wide it stays clean", async ({ browser }) => {
    const { page, errors, close } = await open(browser, "/login", {
      locale: "he-IL",
      dark: true,
      phone: true,
    });
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { name: "כניסה" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^כניסה בתור צופה/ })).toBeVisible();
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  test("keeps the page it was sent from, and refuses to send anyone elsewhere", async ({
    page,
  }) => {
    await page.goto(`/login?next=${encodeURIComponent("/calls?range=today&sort=Duration.desc")}`);
    await expect(page.getByTestId("continue-as-visitor")).toHaveAttribute(
      "href",
      "/calls?range=today&sort=Duration.desc",
    );
    await expect(page.getByTestId("return-note")).toBeVisible();
    for (const evil of [
      "//evil.example",
      "https://evil.example/calls",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/login?next=/calls",
    ]) {
      await page.goto(`/login?next=${encodeURIComponent(evil)}`);
      await expect(page.getByTestId("continue-as-visitor"), evil).toHaveAttribute("href", "/calls");
      await expect(page.getByTestId("return-note")).toHaveCount(0);
    }
  });

  test("shows the identity provider's refusal as a sentence, never the raw text", async ({
    page,
  }) => {
    await page.goto("/login?error=access_denied");
    await expect(page.getByTestId("login-error")).toHaveText(
      "The sign-in was cancelled or refused by your identity provider.",
    );
    await page.goto(`/login?error=${encodeURIComponent("<b>owned</b>")}`);
    await expect(page.getByTestId("login-error")).toHaveText(
      "The sign-in did not succeed. Try again.",
    );
  });
});

test.describe("the sign-in page in live mode with no sign-in method", () => {
  // The shared live server has a sign-in method; this one has none.
  let closed: AppServer;
  test.beforeAll(async () => {
    closed = await startAppServer(E2E_PORTS.gated, liveEnv());
  });
  test.afterAll(() => closed.close());

  test("says what to configure in live mode with no sign-in method, in both languages", async ({
    browser,
  }) => {
    const LIVE = closed.url;
    for (const [locale, heading, dir] of [
      ["en-US", "No sign-in method is configured", "ltr"],
      ["he-IL", "לא הוגדרה דרך כניסה", "rtl"],
    ] as const) {
      const { page, errors, close } = await open(browser, `${LIVE}/login`, {
        locale,
        phone: locale === "he-IL",
        dark: locale === "he-IL",
      });
      await expect(page.locator("html")).toHaveAttribute("dir", dir);
      await expect(page.getByRole("heading", { name: heading })).toBeVisible();
      const notice = page.getByTestId("no-sign-in-notice");
      for (const text of [
        "CALLBOARD_OIDC_ISSUER",
        "npm run users -- add <email> --role admin",
        "CALLBOARD_API_TOKENS",
        "CALLBOARD_AUTH_PROXY_HEADER",
        "CALLBOARD_AUTH_PROXY_IPS",
        "CALLBOARD_AUTH_SECRET",
      ]) {
        await expect(notice).toContainText(text);
      }
      await expect(page.getByLabel(locale === "he-IL" ? "סיסמה" : "Password")).toHaveCount(0);
      await expect(page.getByTestId("demo-badge")).toHaveCount(0);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  });
});
