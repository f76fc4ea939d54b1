import type { Browser, BrowserContext, Page } from "@playwright/test";

import { expect } from "../fixtures";

/**
 * A person in their own browser context (their own cookies), whose console errors fail the
 * test as the default page's do (see fixtures.ts).
 */
export interface Person {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface PersonOptions {
  locale?: string;
  dark?: boolean;
  phone?: boolean;
  /**
   * Console errors the test expects and checks otherwise: the browser logs every refused
   * request (a wrong password's 401) as one, and a refusal is sometimes the point.
   */
  expectedErrors?: readonly RegExp[];
}

export async function openPerson(browser: Browser, options: PersonOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    colorScheme: options.dark ? "dark" : "light",
    timezoneId: "Asia/Jerusalem",
    acceptDownloads: true,
    ...(options.phone ? { viewport: { width: 360, height: 740 } } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      const unexpected = errors.filter((e) => !options.expectedErrors?.some((r) => r.test(e)));
      expect(unexpected, "console errors on the page").toEqual([]);
    },
  };
}

/** Fills Callboard's e-mail and password form on /login and waits to leave it. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
