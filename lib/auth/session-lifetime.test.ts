import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ANONYMOUS } from "@/lib/audit/record";
import { session, type DatabaseHandle } from "@/lib/db";
import { createTestAuth, signInWithPassword, type TestAuth } from "@/testing/auth";
import { createTestDatabase } from "@/testing/database/test-database";

import { resolveAccess } from "./get-principal";
import { clampToAbsolute, pastAbsoluteLifetime, refreshEverySeconds } from "./session-lifetime";
import { addLocalUser } from "./users";

const PASSWORD = "correct horse battery staple";
const IDLE_S = 30 * 60;
const MAX_S = 8 * 3600;

describe("the rules", () => {
  it("refreshes every tenth of the idle lifetime, between a minute and an hour", () => {
    expect(refreshEverySeconds(300)).toBe(60);
    expect(refreshEverySeconds(IDLE_S)).toBe(180);
    expect(refreshEverySeconds(720 * 60)).toBe(3600);
  });

  it("never lets an expiry pass creation + the absolute lifetime", () => {
    const created = new Date("2026-03-01T08:00:00Z");
    expect(clampToAbsolute(new Date("2026-03-01T20:00:00Z"), created, MAX_S)).toEqual(
      new Date("2026-03-01T16:00:00Z"),
    );
    expect(clampToAbsolute(new Date("2026-03-01T09:00:00Z"), created, MAX_S)).toEqual(
      new Date("2026-03-01T09:00:00Z"),
    );
    expect(pastAbsoluteLifetime(created, MAX_S, Date.parse("2026-03-01T15:59:59Z"))).toBe(false);
    expect(pastAbsoluteLifetime(created, MAX_S, Date.parse("2026-03-01T16:00:00Z"))).toBe(true);
  });
});

describe("sessions in the database", () => {
  let handle: DatabaseHandle;
  let test: TestAuth;

  beforeAll(async () => {
    handle = await createTestDatabase();
    test = createTestAuth(handle.db, {
      CALLBOARD_SESSION_IDLE_MINUTES: String(IDLE_S / 60),
      CALLBOARD_SESSION_MAX_HOURS: String(MAX_S / 3600),
    });
    await addLocalUser(
      test.auth,
      handle.db,
      { email: "maya@example.com", role: "supervisor", password: PASSWORD },
      { actor: ANONYMOUS, source: "test" },
    );
  });
  afterAll(() => handle.close());

  async function signedIn() {
    const { cookie } = await signInWithPassword(test, "maya@example.com", PASSWORD);
    const [row] = await handle.db.select().from(session).orderBy(desc(session.createdAt)).limit(1);
    if (!row) throw new Error("no session");
    const set = (values: Partial<typeof session.$inferInsert>) =>
      handle.db.update(session).set(values).where(eq(session.id, row.id));
    const read = async () =>
      (await handle.db.select().from(session).where(eq(session.id, row.id)))[0];
    const access = (surface: "api" | "page" = "api") =>
      resolveAccess({ headers: new Headers({ cookie }) }, surface, test.deps);
    return { row, set, read, access };
  }

  it("start with the idle lifetime", async () => {
    const { row } = await signedIn();
    const lifetime = row.expiresAt.getTime() - row.createdAt.getTime();
    expect(Math.abs(lifetime - IDLE_S * 1000)).toBeLessThan(5_000);
  });

  it("slide forward when used, and send the cookie again with the new lifetime", async () => {
    const s = await signedIn();
    // as if the last refresh was a little more than the refresh interval ago
    const stale = new Date(Date.now() + (IDLE_S - refreshEverySeconds(IDLE_S) - 5) * 1000);
    await s.set({ expiresAt: stale });
    expect((await s.access("page")).principal?.role).toBe("supervisor");
    // a page render cannot set cookies, so it does not slide
    expect((await s.read())?.expiresAt).toEqual(stale);
    const access = await s.access("api");
    expect(access.principal?.role).toBe("supervisor");
    const slid = (await s.read())?.expiresAt.getTime() ?? 0;
    expect(Math.abs(slid - (Date.now() + IDLE_S * 1000))).toBeLessThan(5_000);
    expect(access.setCookies.join("\n")).toMatch(new RegExp(`session_token=.*Max-Age=${IDLE_S}`));
  });

  it("end after the idle lifetime without use", async () => {
    const s = await signedIn();
    await s.set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await s.access()).principal).toBeNull();
    expect(await s.read()).toBeUndefined();
  });

  it("never slide past the absolute lifetime, and end when it is over", async () => {
    const s = await signedIn();
    const created = new Date(Date.now() - MAX_S * 1000 + 60_000);
    await s.set({ createdAt: created, expiresAt: new Date(Date.now() + 60_000) });
    expect((await s.access()).principal).not.toBeNull();
    expect((await s.read())?.expiresAt.getTime()).toBeLessThanOrEqual(
      created.getTime() + MAX_S * 1000,
    );
    await s.set({ createdAt: new Date(Date.now() - MAX_S * 1000 - 1000) });
    expect((await s.access()).principal).toBeNull();
    expect(await s.read()).toBeUndefined();
  });
});
