import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { callsUrl, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import { openPerson } from "./support/browser-session";
import { signedLiveEnv } from "./support/live-env";
import { TEST_CLIENT, TEST_ROLE_MAP, TEST_USERS, type TestUser } from "./support/oidc-users";

/**
 * Single sign-on in Chromium against the real OpenID Connect provider that Playwright runs
 * (e2e/support/oidc-provider.ts): each test user lands on the page they opened with the role
 * their groups map to; with CALLBOARD_OIDC_DEFAULT_ROLE=none, someone whose groups map to
 * nothing is refused with a sentence.
 */
const ISSUER = `http://127.0.0.1:${E2E_PORTS.oidc}`;

function ssoEnv(extra: Record<string, string> = {}): Record<string, string> {
  return signedLiveEnv("access-sso", {
    CALLBOARD_OIDC_ISSUER: ISSUER,
    CALLBOARD_OIDC_CLIENT_ID: TEST_CLIENT.id,
    CALLBOARD_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    CALLBOARD_OIDC_NAME: "Test IdP",
    CALLBOARD_OIDC_ROLE_MAP: TEST_ROLE_MAP,
    ...extra,
  });
}

/** From a page of Callboard, through /login and the provider's form, back to Callboard. */
async function signOn(page: Page, app: AppServer, user: TestUser, path: string) {
  await page.goto(`${app.url}${path}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL((url) => url.origin === ISSUER);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.origin === app.url);
}

test.describe("single sign-on with roles from groups", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startAppServer(E2E_PORTS.gated, ssoEnv());
  });
  test.afterAll(() => app.close());

  for (const [role, user] of [
    ["admin", TEST_USERS.admin],
    ["supervisor", TEST_USERS.supervisor],
    ["viewer", TEST_USERS.user],
  ] as const) {
    test(`${user.email} lands on the page they opened as ${role}`, async ({ browser }) => {
      const person = await openPerson(browser);
      const path = callsUrl({ type: "1", sort: "Duration.desc" });
      await signOn(person.page, app, user, path);
      await expect(person.page).toHaveURL(`${app.url}${path}`);
      await waitForRows(person.page);
      await expect(person.page.getByTestId("account-label")).toHaveText(user.email);
      await expect(person.page.getByTestId("account-role")).toHaveText(role);
      await expect(person.page.getByRole("link", { name: "Users" })).toHaveCount(
        role === "admin" ? 1 : 0,
      );
      const users = await person.page.request.get(`${app.url}/api/users`);
      expect(users.status()).toBe(role === "admin" ? 200 : 403);
      if (role === "admin") {
        // the users page lists single sign-on users with their role from groups, not editable
        await person.page.goto(`${app.url}/admin/users`);
        const row = person.page.getByTestId("user-row").filter({ hasText: user.email });
        await expect(row.getByTestId("user-role-text")).toHaveText("admin(from groups)");
      }
      await person.close();
    });
  }
});

test.describe("single sign-on with no default role", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startAppServer(E2E_PORTS.gated, ssoEnv({ CALLBOARD_OIDC_DEFAULT_ROLE: "none" }));
  });
  test.afterAll(() => app.close());

  test("someone whose groups map to no role is refused with a sentence, and nothing opens", async ({
    browser,
  }) => {
    const person = await openPerson(browser);
    await signOn(person.page, app, TEST_USERS.user, "/calls?range=today");
    await expect(person.page).toHaveURL(/\/login\?/);
    await expect(person.page.getByTestId("login-error")).toHaveText(
      "Your account is not allowed to use Callboard. Ask an administrator to add you to a Callboard group.",
    );
    expect((await person.page.request.get(`${app.url}/api/calls/progress`)).status()).toBe(401);
    await person.page.goto(`${app.url}/calls?range=today`);
    await expect(person.page).toHaveURL(/\/login\?next=/);
    await person.close();
  });

  test("someone whose group maps still gets in", async ({ browser }) => {
    const person = await openPerson(browser);
    await signOn(person.page, app, TEST_USERS.supervisor, "/calls?range=today");
    await expect(person.page).toHaveURL(`${app.url}/calls?range=today`);
    await expect(person.page.getByTestId("account-role")).toHaveText("supervisor");
    await person.close();
  });
});
