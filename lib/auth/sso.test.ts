import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startOidcProvider, type RunningOidcProvider } from "@/e2e/support/oidc-provider";
import { signInThroughProvider, type AppFetch } from "@/e2e/support/oidc-sign-in";
import { TEST_CLIENT, TEST_ROLE_MAP, TEST_USERS } from "@/e2e/support/oidc-users";
import { ANONYMOUS } from "@/lib/audit/record";
import { auditEvent, user, type DatabaseHandle } from "@/lib/db";
import { createTestAuth, TEST_ORIGIN, type TestAuth } from "@/testing/auth";
import { createTestDatabase } from "@/testing/database/test-database";

import { resolveAccess } from "./get-principal";
import { setUserDisabled } from "./users";

/**
 * Single sign-on through Callboard's Better Auth configuration against a real OpenID
 * Connect provider on loopback: the role from the groups claim on every sign-in, refusal
 * when nothing maps and the default is "none", the audit trail.
 */
let provider: RunningOidcProvider;
const handles: DatabaseHandle[] = [];

beforeAll(async () => {
  provider = await startOidcProvider({ appOrigins: [TEST_ORIGIN] });
});
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await provider.close();
});

async function ssoAuth(env: Record<string, string> = {}) {
  const handle = await createTestDatabase();
  handles.push(handle);
  const test = createTestAuth(handle.db, {
    CALLBOARD_OIDC_ISSUER: provider.issuer,
    CALLBOARD_OIDC_CLIENT_ID: TEST_CLIENT.id,
    CALLBOARD_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    CALLBOARD_OIDC_ROLE_MAP: TEST_ROLE_MAP,
    ...env,
  });
  const app: AppFetch = (path, { cookie, ...init }) =>
    test.handle(path.replace(/^\/api\/auth/, ""), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
  return { handle, test, app };
}

async function roleOf(test: TestAuth, cookie: string) {
  return (await resolveAccess({ headers: new Headers({ cookie }) }, "api", test.deps)).principal;
}

describe("single sign-on", () => {
  it("lands each test user on the page they asked for, with the role their groups map to", async () => {
    const { test, app } = await ssoAuth();
    for (const [expected, person] of [
      ["admin", TEST_USERS.admin],
      ["supervisor", TEST_USERS.supervisor],
      ["viewer", TEST_USERS.user],
    ] as const) {
      const outcome = await signInThroughProvider(app, person, "/calls?range=today&queue=3");
      expect(outcome.location, person.email).toBe("/calls?range=today&queue=3");
      expect(await roleOf(test, outcome.cookie)).toMatchObject({
        kind: "user",
        label: person.email,
        role: expected,
      });
    }
  });

  it("maps the role again at every sign-in, and audits the change", async () => {
    const { handle, test, app } = await ssoAuth();
    await signInThroughProvider(app, TEST_USERS.admin);
    await handle.db
      .update(user)
      .set({ role: "viewer" })
      .where(eq(user.email, TEST_USERS.admin.email));
    const again = await signInThroughProvider(app, TEST_USERS.admin);
    expect((await roleOf(test, again.cookie))?.role).toBe("admin");
    const changes = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "user.role"));
    expect(changes.map((c) => c.details)).toEqual([
      { from: "viewer", to: "admin", source: "sign-on groups" },
    ]);
    const signIns = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "sign-in"));
    expect(signIns.map((e) => [e.actorLabel, e.details])).toEqual([
      [TEST_USERS.admin.email, { method: "oidc" }],
      [TEST_USERS.admin.email, { method: "oidc" }],
    ]);
  });

  it("refuses someone whose groups map to nothing when the default role is none", async () => {
    const { handle, app } = await ssoAuth({ CALLBOARD_OIDC_DEFAULT_ROLE: "none" });
    const refused = await signInThroughProvider(app, TEST_USERS.user, "/calls");
    const location = new URL(refused.location, TEST_ORIGIN);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBe("role_refused");
    expect(location.searchParams.get("next")).toBe("/calls");
    expect(refused.cookie).not.toMatch(/session_token/);
    expect(
      await handle.db.select().from(user).where(eq(user.email, TEST_USERS.user.email)),
    ).toEqual([]);
    const [failed] = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "sign-in.failed"));
    expect(failed?.details).toMatchObject({ method: "oidc", reason: "role_refused" });
    // someone whose group maps still gets in
    const admitted = await signInThroughProvider(app, TEST_USERS.supervisor, "/calls");
    expect(admitted.location).toBe("/calls");
  });

  it("refuses a disabled single sign-on user", async () => {
    const { handle, test, app } = await ssoAuth();
    const first = await signInThroughProvider(app, TEST_USERS.supervisor);
    const id = (await roleOf(test, first.cookie))?.id.replace(/^user:/, "") ?? "";
    await setUserDisabled(test.auth, handle.db, id, true, { actor: ANONYMOUS, source: "test" });
    expect(await roleOf(test, first.cookie)).toBeNull();
    const refused = await signInThroughProvider(app, TEST_USERS.supervisor);
    expect(new URL(refused.location, TEST_ORIGIN).searchParams.get("error")).toBe("BANNED_USER");
  });
});
