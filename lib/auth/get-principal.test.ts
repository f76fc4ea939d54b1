import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ANONYMOUS } from "@/lib/audit/record";
import { apiToken, auditEvent, type DatabaseHandle } from "@/lib/db";
import { createTestAuth, signInWithPassword } from "@/testing/auth";
import { createTestDatabase } from "@/testing/database/test-database";

import { createDbToken, revokeDbToken } from "./db-tokens";
import { resolveAccess, type AccessRequest } from "./get-principal";
import { addLocalUser } from "./users";

/**
 * The principal, in its order: a Bearer token (the environment's, then the database's), the
 * auth proxy's header (from its trusted addresses only), the session; a demo visitor.
 */
const ENV_TOKEN = "env-supervisor-token-0123456789abcdef-0123";
const PROXY = {
  CALLBOARD_AUTH_PROXY_HEADER: "X-Forwarded-User",
  CALLBOARD_AUTH_PROXY_GROUPS_HEADER: "X-Forwarded-Groups",
  CALLBOARD_AUTH_PROXY_IPS: "10.0.0.0/8",
  CALLBOARD_OIDC_ROLE_MAP: "callboard-admins:admin",
};
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const request = (headers: Record<string, string>, path = "/api/calls"): AccessRequest => ({
  headers: new Headers(headers),
  method: "GET",
  path,
});

describe("resolveAccess", () => {
  it("acts for a token of the environment, by its label, and never for a wrong one", async () => {
    const test = createTestAuth(handle.db, { CALLBOARD_API_TOKENS: `supervisor:${ENV_TOKEN}` });
    const found = await resolveAccess(
      request({ authorization: `Bearer ${ENV_TOKEN}` }),
      "api",
      test.deps,
    );
    expect(found.principal).toEqual({
      kind: "token",
      id: "token:env-1",
      label: "CALLBOARD_API_TOKENS #1 (supervisor)",
      role: "supervisor",
    });
    const wrong = await resolveAccess(
      request({ authorization: `Bearer ${ENV_TOKEN}x` }),
      "api",
      test.deps,
    );
    expect(wrong).toMatchObject({ principal: null, refusal: "bad-token" });
    // pages want a person: a token opens none
    const page = await resolveAccess(
      request({ authorization: `Bearer ${ENV_TOKEN}` }),
      "page",
      test.deps,
    );
    expect(page.principal).toBeNull();
  });

  it("acts for a database token until it is revoked, keeping its last use and auditing once a minute", async () => {
    // (live mode needs some method configured before any token counts)
    const test = createTestAuth(
      handle.db,
      { CALLBOARD_API_TOKENS: `supervisor:${ENV_TOKEN}` },
      { now: () => Date.parse("2026-03-01T10:00:00Z") },
    );
    const { token, summary } = await createDbToken(handle.db, {
      name: "Nightly BI",
      role: "viewer",
      createdBy: null,
    });
    const asToken = request({ authorization: `Bearer ${token}`, "user-agent": "bi-tool/1" });
    const first = await resolveAccess(asToken, "api", test.deps);
    expect(first.principal).toEqual({
      kind: "token",
      id: `token:${summary.id}`,
      label: "Nightly BI",
      role: "viewer",
    });
    await resolveAccess(asToken, "api", test.deps);
    await expect
      .poll(
        async () =>
          (await handle.db.select().from(apiToken).where(eq(apiToken.id, summary.id)))[0]
            ?.lastUsedAt,
      )
      .toEqual(new Date("2026-03-01T10:00:00Z"));
    const uses = (
      await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "token.use"))
    ).filter((e) => e.actorId === summary.id);
    expect(uses).toHaveLength(1);
    expect(uses[0]).toMatchObject({
      actorKind: "token",
      actorId: summary.id,
      actorLabel: "Nightly BI",
      userAgent: "bi-tool/1",
    });
    await revokeDbToken(handle.db, summary.id);
    expect((await resolveAccess(asToken, "api", test.deps)).refusal).toBe("bad-token");
  });

  it("believes the auth proxy's header only from its own addresses, with the role from its groups", async () => {
    const from = (peer: string | undefined) => createTestAuth(handle.db, PROXY, { peer }).deps;
    const headers = { "x-forwarded-user": "maya", "x-forwarded-groups": "staff, callboard-admins" };
    expect((await resolveAccess(request(headers), "page", from("10.1.2.3"))).principal).toEqual({
      kind: "proxy",
      id: "proxy:maya",
      label: "maya",
      role: "admin",
    });
    // another address, or none known (a bare `next start`): the header is anyone's
    expect((await resolveAccess(request(headers), "page", from("192.0.2.9"))).principal).toBeNull();
    expect((await resolveAccess(request(headers), "page", from(undefined))).principal).toBeNull();
    const none = createTestAuth(
      handle.db,
      { ...PROXY, CALLBOARD_OIDC_DEFAULT_ROLE: "none" },
      { peer: "10.0.0.1" },
    );
    const refused = await resolveAccess(request({ "x-forwarded-user": "eli" }), "page", none.deps);
    expect(refused).toMatchObject({ principal: null, refusal: "no-role" });
  });

  it("reads the session, and in demo mode lets a visitor act as an admin", async () => {
    const test = createTestAuth(handle.db, {}, { mode: "demo" });
    await addLocalUser(
      test.auth,
      handle.db,
      { email: "sam@example.com", role: "supervisor", password: "long enough password" },
      { actor: ANONYMOUS, source: "test" },
    );
    const { cookie } = await signInWithPassword(test, "sam@example.com", "long enough password");
    expect((await resolveAccess(request({ cookie }), "page", test.deps)).principal).toMatchObject({
      kind: "user",
      label: "sam@example.com",
      role: "supervisor",
    });
    const visitor = await resolveAccess(request({}), "page", test.deps);
    expect(visitor).toMatchObject({
      policy: "open",
      principal: { kind: "demo-visitor", id: "demo-visitor", role: "admin" },
    });
    // a session that is gone leaves a visitor, and its cookie is cleared
    const stale = await resolveAccess(
      request({ cookie: "better-auth.session_token=gone.sig" }),
      "api",
      test.deps,
    );
    expect(stale.principal?.kind).toBe("demo-visitor");
  });

  it("is closed in live mode with no method, and sign-in once a local user exists", async () => {
    const empty = await createTestDatabase();
    try {
      const test = createTestAuth(empty.db);
      expect((await resolveAccess(request({}), "api", test.deps)).policy).toBe("closed");
      await addLocalUser(
        test.auth,
        empty.db,
        { email: "ada@example.com", role: "admin", password: "long enough password" },
        { actor: ANONYMOUS, source: "test" },
      );
      expect(await resolveAccess(request({}), "api", test.deps)).toMatchObject({
        policy: "sign-in",
        principal: null,
      });
    } finally {
      await empty.close();
    }
  });
});
