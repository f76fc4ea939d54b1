import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ANONYMOUS } from "@/lib/audit/record";
import { auditEvent, rateLimit, session, type DatabaseHandle } from "@/lib/db";
import { createTestAuth, signInWithPassword, type TestAuth } from "@/testing/auth";
import { createTestDatabase } from "@/testing/database/test-database";

import { resolveAccess } from "./get-principal";
import { addLocalUser, setUserDisabled } from "./users";

/**
 * Local users through Callboard's own Better Auth configuration: password sign-in with the
 * audit trail, the rate limit in the database, no sign-up, disabling, and the session as
 * the access checks read it.
 */
const PASSWORD = "correct horse battery staple";
const change = { actor: ANONYMOUS, source: "test" };

let handle: DatabaseHandle;
let test: TestAuth;

beforeAll(async () => {
  handle = await createTestDatabase();
  test = createTestAuth(handle.db);
  await addLocalUser(
    test.auth,
    handle.db,
    { email: "Maya@Example.com", role: "admin", password: PASSWORD },
    change,
  );
  await addLocalUser(
    test.auth,
    handle.db,
    { email: "eli@example.com", role: "viewer", password: PASSWORD },
    change,
  );
});
afterAll(() => handle.close());

const actions = async () =>
  (await handle.db.select().from(auditEvent).orderBy(auditEvent.id)).map((e) => [
    e.action,
    e.actorLabel,
    e.details,
  ]);

describe("password sign-in", () => {
  it("opens a database session with an http-only, same-site cookie and records it", async () => {
    const { response, cookie } = await signInWithPassword(test, "maya@example.com", PASSWORD);
    expect(response.status).toBe(200);
    const set = response.headers.getSetCookie().join("\n");
    expect(set).toMatch(/better-auth\.session_token=.*HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    // plain http here: no Secure flag (over https the cookie is Secure and __Secure- prefixed)
    expect(set).not.toMatch(/Secure;/);
    const access = await resolveAccess({ headers: new Headers({ cookie }) }, "api", test.deps);
    expect(access.principal).toMatchObject({
      kind: "user",
      label: "maya@example.com",
      role: "admin",
    });
    expect(access.principal?.id).toMatch(/^user:/);
    const entries = await actions();
    expect(entries).toContainEqual(["sign-in", "maya@example.com", { method: "password" }]);
    const [row] = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "sign-in"));
    expect(row?.ip).toBe("10.9.8.7");
  });

  it("records a failed attempt with the address and the e-mail tried", async () => {
    const { response } = await signInWithPassword(
      test,
      "eli@example.com",
      "wrong password!!",
      "10.0.0.50",
    );
    expect(response.status).toBe(401);
    const [failed] = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "sign-in.failed"));
    expect(failed).toMatchObject({
      actorKind: "anonymous",
      actorLabel: "eli@example.com",
      ip: "10.0.0.50",
      details: {
        method: "password",
        reason: "invalid_email_or_password",
        email: "eli@example.com",
      },
    });
  });

  it("has no sign-up", async () => {
    const response = await test.handle("/sign-up/email", {
      method: "POST",
      body: JSON.stringify({ email: "new@example.com", password: PASSWORD, name: "New" }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });

  it("limits attempts per address, counting in the database", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await signInWithPassword(test, "eli@example.com", "guess " + i, "10.0.0.99")).response
          .status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // another address is not held up
    expect(
      (await signInWithPassword(test, "eli@example.com", PASSWORD, "10.0.0.98")).response.status,
    ).toBe(200);
    expect((await handle.db.select().from(rateLimit)).length).toBeGreaterThan(0);
  });
});

describe("a disabled user", () => {
  it("is out at once: sessions deleted, the next request has no principal, sign-in refused", async () => {
    const { cookie } = await signInWithPassword(test, "eli@example.com", PASSWORD, "10.1.1.1");
    const before = await resolveAccess({ headers: new Headers({ cookie }) }, "api", test.deps);
    expect(before.principal?.role).toBe("viewer");
    const id = (before.principal?.id ?? "").replace(/^user:/, "");
    await setUserDisabled(test.auth, handle.db, id, true, change);
    expect(await handle.db.select().from(session).where(eq(session.userId, id))).toHaveLength(0);
    const after = await resolveAccess({ headers: new Headers({ cookie }) }, "api", test.deps);
    expect(after.principal).toBeNull();
    const again = await signInWithPassword(test, "eli@example.com", PASSWORD, "10.1.1.2");
    expect(again.response.status).toBe(403);
    await setUserDisabled(test.auth, handle.db, id, false, change);
    expect(
      (await signInWithPassword(test, "eli@example.com", PASSWORD, "10.1.1.3")).response.status,
    ).toBe(200);
  });
});
