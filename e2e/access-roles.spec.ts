import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";

import { expect, test } from "./fixtures";
import { busyDayRange, callsUrl, waitForRows } from "./helpers";
import { E2E_PORTS } from "./ports";
import { startAppServer, type AppServer } from "./support/app-server";
import {
  openPerson,
  signInWithForm,
  type Person,
  type PersonOptions,
} from "./support/browser-session";
import { signedLiveEnv } from "./support/live-env";

/**
 * Local users (created with `npm run users` before the server starts) in live mode: each
 * role sees and may do exactly its set, in the UI and against the API with the same
 * session; sign-in returns to the filtered URL it started from; sign-out; a disabled user is
 * out on the next request; API tokens made on the admin page work and stop when revoked.
 */
const USERS = {
  viewer: { email: "vera.viewer@callboard.test", role: "viewer", password: "vera-viewer-password" },
  supervisor: {
    email: "sven.supervisor@callboard.test",
    role: "supervisor",
    password: "sven-supervisor-pw",
  },
  admin: { email: "adele.admin@callboard.test", role: "admin", password: "adele-admin-password" },
  dana: { email: "dana.later@callboard.test", role: "viewer", password: "dana-viewer-password" },
} as const;

let app: AppServer;
test.beforeAll(async () => {
  app = await startAppServer(E2E_PORTS.gated, signedLiveEnv("access-roles"), {
    users: Object.values(USERS),
  });
});
test.afterAll(() => app.close());

/** A day with recorded, answered calls: the drawer's first call has a recording. */
const RECORDED = callsUrl({ type: "8", status: "ANSWER", minDur: "60", sort: "Duration.desc" });

type Browser = Parameters<typeof openPerson>[0];
type Cookies = Awaited<ReturnType<Person["context"]["cookies"]>>;

// Each person signs in through the form once; later tests reuse the session (sign-in
// attempts are limited per address, and every test here comes from 127.0.0.1).
const sessions = new Map<keyof typeof USERS, Cookies>();

async function signedIn(browser: Browser, who: keyof typeof USERS, options: PersonOptions = {}) {
  const person = await openPerson(browser, options);
  const known = sessions.get(who);
  if (known) {
    await person.context.addCookies(known);
    await person.page.goto(`${app.url}${RECORDED}`);
    return person;
  }
  await person.page.goto(`${app.url}${RECORDED}`);
  await expect(person.page).toHaveURL(/\/login\?next=/);
  await signInWithForm(person.page, USERS[who].email, USERS[who].password);
  sessions.set(who, await person.context.cookies());
  return person;
}

async function openFirstCall(person: Person) {
  await waitForRows(person.page);
  await person.page.locator("tbody [role=row]").first().click();
  await expect(person.page.getByRole("dialog")).toBeVisible();
}

/** A call of the recorded day that has a recording, as the API lists it to this session. */
async function recordedCallId(person: Person): Promise<string> {
  const { from, to } = busyDayRange();
  const response = await person.page.request.get(
    `${app.url}/api/calls?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&type=8&fields=CallID,RecordURL`,
  );
  expect(response.status()).toBe(200);
  const { calls } = (await response.json()) as {
    calls: { CallID: string; HasRecording?: boolean }[];
  };
  const call = calls.find((c) => c.HasRecording);
  if (!call) throw new Error("no recorded call on the busy day");
  return call.CallID;
}

/** What the API answers the same session, per route. */
async function apiStatuses(person: Person) {
  const callId = await recordedCallId(person);
  const { from, to } = busyDayRange();
  const get = (path: string, headers: Record<string, string> = {}) =>
    person.page.request.get(`${app.url}${path}`, { maxRedirects: 0, headers });
  const exportRecord = await person.page.request.post(`${app.url}/api/exports`, {
    data: { format: "csv", filters: { from, to }, rows: 1, columns: ["Date"] },
  });
  return {
    play: (await get(`/api/recordings/${callId}`, { range: "bytes=0-99" })).status(),
    download: (await get(`/api/recordings/${callId}?download=1`, { range: "bytes=0-99" })).status(),
    export: exportRecord.status(),
    users: (await get("/api/users")).status(),
    tokens: (await get("/api/tokens")).status(),
    audit: (await get("/api/audit")).status(),
  };
}

const KPIS = { name: "Key figures" } as const;

test.describe.serial("each role sees and may do exactly its set", () => {
  test("a viewer: back on the filtered URL after sign-in; calls, KPIs and details only", async ({
    browser,
  }) => {
    const person = await signedIn(browser, "viewer");
    await expect(person.page).toHaveURL(`${app.url}${RECORDED}`);
    await expect(person.page.getByTestId("account-label")).toHaveText(USERS.viewer.email);
    await expect(person.page.getByTestId("account-role")).toHaveText("viewer");
    await expect(person.page.getByRole("region", KPIS)).toBeVisible();
    await openFirstCall(person);
    await expect(person.page.getByTestId("recording-not-allowed")).toBeVisible();
    await expect(person.page.getByTestId("recording-player")).toHaveCount(0);
    await expect(person.page.getByRole("button", { name: /Export CSV/ })).toHaveCount(0);
    // the dashboard's pages, none of the admin's
    await expect(person.page.getByTestId("nav-agents")).toBeVisible();
    await expect(person.page.getByTestId("nav-users")).toHaveCount(0);
    await expect(person.page.getByTestId("nav-audit")).toHaveCount(0);
    expect(await apiStatuses(person)).toEqual({
      play: 403,
      download: 403,
      export: 403,
      users: 403,
      tokens: 403,
      audit: 403,
    });
    const refusal = await person.page.request.get(`${app.url}/api/audit`);
    expect(await refusal.json()).toEqual({
      error: {
        code: "forbidden",
        message: "the viewer role may not read the audit trail: that needs the admin role",
      },
    });
    await person.page.goto(`${app.url}/admin/users`);
    await expect(person.page.getByTestId("not-allowed")).toContainText("it needs the admin role");
    await person.close();
  });

  test("a supervisor: also plays recordings, but neither downloads nor exports", async ({
    browser,
  }) => {
    const person = await signedIn(browser, "supervisor");
    await expect(person.page.getByTestId("account-role")).toHaveText("supervisor");
    await openFirstCall(person);
    await expect(person.page.getByTestId("recording-player")).toBeVisible();
    await expect(person.page.getByTestId("player-download")).toHaveCount(0);
    await person.page.getByTestId("player-play").click();
    const audio = person.page.getByTestId("recording-audio");
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 20_000 })
      .toBeGreaterThan(0.3);
    await expect(person.page.getByRole("button", { name: /Export CSV/ })).toHaveCount(0);
    // the dashboard's pages, none of the admin's
    await expect(person.page.getByTestId("nav-agents")).toBeVisible();
    await expect(person.page.getByTestId("nav-users")).toHaveCount(0);
    await expect(person.page.getByTestId("nav-audit")).toHaveCount(0);
    expect(await apiStatuses(person)).toEqual({
      play: 206,
      download: 403,
      export: 403,
      users: 403,
      tokens: 403,
      audit: 403,
    });
    await person.close();
  });

  test("an admin: also downloads, exports, and reads the audit trail with the supervisor's play in it", async ({
    browser,
  }) => {
    const person = await signedIn(browser, "admin");
    const { page } = person;
    await openFirstCall(person);
    await expect(page.getByTestId("player-download")).toBeVisible();
    await page.getByRole("button", { name: "Close call details" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    const rows = csv.slice(1).trimEnd().split(/\r?\n/).length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(await apiStatuses(person)).toEqual({
      play: 206,
      download: 206,
      export: 200,
      users: 200,
      tokens: 200,
      audit: 200,
    });

    await page.getByTestId("nav-audit").click();
    await expect(page).toHaveURL(`${app.url}/admin/audit`);
    await page.getByLabel("Action").selectOption("calls.export");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=calls.export/);
    // the page's export (the API check above recorded one of its own, without the type filter)
    const exported = page.getByTestId("audit-row").filter({ hasText: '"type":"8"' }).first();
    await expect(exported).toContainText(USERS.admin.email);
    await expect(exported).toContainText(`"rows":${rows}`);

    const plays = await page.request.get(`${app.url}/api/audit?action=recording.play&user=sven`);
    const body = (await plays.json()) as {
      events: { actorLabel: string; target: string }[];
      total: number;
    };
    expect(body.total).toBeGreaterThan(0);
    expect(body.events[0]?.actorLabel).toBe(USERS.supervisor.email);
    expect(body.events[0]?.target).toBeTruthy();
    const byCall = await page.request.get(
      `${app.url}/api/audit?callId=${encodeURIComponent(body.events[0]?.target ?? "")}`,
    );
    expect(((await byCall.json()) as { total: number }).total).toBeGreaterThan(0);
    const [auditCsv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("audit-export").click(),
    ]);
    expect(readFileSync((await auditCsv.path()) ?? "", "utf8")).toContain("calls.export");
    await person.close();
  });
});

test.describe.serial("what admins manage", () => {
  test("users: add one, re-role them; a disabled user is out on their next request", async ({
    browser,
  }) => {
    // her refused sign-in at the end is logged by the browser as a failed request (403)
    const dana = await signedIn(browser, "dana", { expectedErrors: [/status of 403/] });
    await waitForRows(dana.page);
    const admin = await signedIn(browser, "admin");
    const { page } = admin;
    await page.goto(`${app.url}/admin/users`);
    const form = page.getByTestId("add-user-form");
    await form.getByLabel("E-mail").fill("new.colleague@callboard.test");
    await form.getByLabel("Role").selectOption("supervisor");
    await form.getByLabel(/Password/).fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    // the browser's own check stops a short password; the server's is the same rule
    await expect(page.getByTestId("user-row").filter({ hasText: "new.colleague" })).toHaveCount(0);
    await form.getByLabel(/Password/).fill("a-long-enough-password");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByTestId("users-notice")).toHaveText(
      "new.colleague@callboard.test was added.",
    );
    const added = page.getByTestId("user-row").filter({ hasText: "new.colleague" });
    await expect(added.getByTestId("user-role")).toHaveValue("supervisor");
    await added.getByTestId("user-role").selectOption("viewer");
    await expect(page.getByTestId("users-notice")).toHaveText(
      "new.colleague@callboard.test is now viewer.",
    );
    await page.reload();
    await expect(
      page.getByTestId("user-row").filter({ hasText: "new.colleague" }).getByTestId("user-role"),
    ).toHaveValue("viewer");
    // the admin cannot lock themselves out
    await expect(
      page
        .getByTestId("user-row")
        .filter({ hasText: USERS.admin.email })
        .getByTestId("user-disable"),
    ).toHaveCount(0);

    await page
      .getByTestId("user-row")
      .filter({ hasText: USERS.dana.email })
      .getByTestId("user-disable")
      .click();
    await expect(page.getByTestId("users-notice")).toHaveText(
      `${USERS.dana.email} is disabled; their sessions have ended.`,
    );
    expect((await dana.page.request.get(`${app.url}/api/calls/progress`)).status()).toBe(401);
    await dana.page.reload();
    await expect(dana.page).toHaveURL(/\/login\?next=/);
    await dana.page.getByLabel("E-mail", { exact: true }).fill(USERS.dana.email);
    await dana.page.getByLabel("Password", { exact: true }).fill(USERS.dana.password);
    await dana.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(dana.page.getByTestId("login-error")).toHaveText(
      "This account is disabled. Ask an administrator.",
    );

    const audit = await page.request.get(
      `${app.url}/api/audit?action=user.create,user.role,user.disable`,
    );
    const actions = ((await audit.json()) as { events: { action: string; actorLabel: string }[] })
      .events;
    expect(actions.filter((e) => e.actorLabel === USERS.admin.email).map((e) => e.action)).toEqual([
      "user.disable",
      "user.role",
      "user.create",
    ]);
    await dana.close();
    await admin.close();
  });

  test("API tokens: shown once, act with their role on /api/*, stop when revoked", async ({
    browser,
  }) => {
    const admin = await signedIn(browser, "admin");
    const { page } = admin;
    await page.goto(`${app.url}/admin/tokens`);
    const form = page.getByTestId("create-token-form");
    await form.getByLabel(/Name/).fill("Nightly BI export");
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token-value").textContent()) ?? "";
    expect(token).toMatch(/^cbt_[A-Za-z0-9_-]{43}$/);

    const { from, to } = busyDayRange();
    const url = `${app.url}/api/calls?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&fields=CallID`;
    const asScript = (path: string) =>
      fetch(path, { headers: { authorization: `Bearer ${token}` } });
    const calls = await asScript(url);
    expect(calls.status).toBe(200);
    expect(((await calls.json()) as { calls: unknown[] }).calls.length).toBeGreaterThan(0);
    // a viewer token may not do what a viewer may not
    expect((await asScript(`${app.url}/api/users`)).status).toBe(403);
    // a token is for /api/* only
    expect(
      (
        await fetch(`${app.url}/calls`, {
          headers: { authorization: `Bearer ${token}` },
          redirect: "manual",
        })
      ).status,
    ).toBe(307);

    await page.reload();
    const row = page.getByTestId("token-row").filter({ hasText: "Nightly BI export" });
    await expect(row.getByTestId("token-last-used")).not.toHaveText("Never");
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    await row.getByTestId("token-revoke").click();
    await expect(row).toContainText("Revoked");
    const revoked = await asScript(url);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: { code: "unauthorized" } });

    const audit = (await (await page.request.get(`${app.url}/api/audit?user=Nightly`)).json()) as {
      events: { action: string }[];
    };
    expect(audit.events.map((e) => e.action)).toContain("token.use");
    await admin.close();
  });

  test("the admin pages read well in Hebrew, dark, on a phone, and axe finds nothing serious", async ({
    browser,
  }) => {
    test.slow(); // eight pages, each checked by axe, in two contexts
    const admin = await signedIn(browser, "admin");
    const cookies = await admin.context.cookies();
    await admin.close();
    for (const options of [{}, { locale: "he-IL", dark: true, phone: true }]) {
      const person = await openPerson(browser, options);
      await person.context.addCookies(cookies);
      for (const path of ["/admin/users", "/admin/tokens", "/admin/audit", `/calls?range=today`]) {
        await person.page.goto(`${app.url}${path}`);
        await expect(person.page.getByTestId("account-role")).toBeVisible();
        expect(await seriousViolations(person.page), path).toEqual([]);
        expect(
          await person.page.evaluate(
            () => document.documentElement.scrollWidth <= window.innerWidth,
          ),
          path,
        ).toBe(true);
      }
      await person.close();
    }
  });
});

test.describe.serial("signing in and out", () => {
  test("a wrong password says so, and is in the audit trail", async ({ browser }) => {
    const person = await openPerson(browser, { expectedErrors: [/status of 401/] });
    await person.page.goto(`${app.url}/login`);
    await person.page.getByLabel("E-mail", { exact: true }).fill(USERS.viewer.email);
    await person.page.getByLabel("Password", { exact: true }).fill("not the password");
    await person.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(person.page.getByTestId("login-error")).toHaveText(
      "The e-mail or password is wrong.",
    );
    await person.close();
    const admin = await signedIn(browser, "admin");
    const audit = await admin.page.request.get(`${app.url}/api/audit?action=sign-in.failed`);
    const [failed] = ((await audit.json()) as { events: Record<string, unknown>[] }).events;
    expect(failed).toMatchObject({
      actorLabel: USERS.viewer.email,
      details: { method: "password", reason: "invalid_email_or_password" },
    });
    expect(failed?.ip).toBeTruthy();
    expect(failed?.userAgent).toContain("Chrome");
    await admin.close();
  });

  test("sign-out ends the session: the pages ask again and the old cookie opens nothing", async ({
    browser,
  }) => {
    const person = await signedIn(browser, "viewer");
    // signing out of a page that has loaded: a click while it still starts its requests has
    // those answered 401 (rightly), which the browser logs as console errors
    await waitForRows(person.page);
    const cookie = (await person.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await person.page.getByTestId("sign-out").click();
    await expect(person.page).toHaveURL(`${app.url}/login`);
    await person.page.goto(`${app.url}/calls?range=yesterday`);
    await expect(person.page).toHaveURL(
      `${app.url}/login?next=${encodeURIComponent("/calls?range=yesterday")}`,
    );
    const replay = await fetch(`${app.url}/api/calls/progress`, { headers: { cookie } });
    expect(replay.status).toBe(401);
    const admin = await signedIn(browser, "admin");
    const audit = await admin.page.request.get(`${app.url}/api/audit?action=sign-out`);
    const events = ((await audit.json()) as { events: { action: string; actorLabel: string }[] })
      .events;
    await admin.close();
    expect(events.map((e) => [e.action, e.actorLabel])).toContainEqual([
      "sign-out",
      USERS.viewer.email,
    ]);
    await person.close();
  });
});

async function seriousViolations(page: Person["page"]): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
