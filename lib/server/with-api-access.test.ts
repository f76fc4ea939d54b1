import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { desc } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { resetAuthConfigForTests } from "@/lib/auth/config";
import { auditEvent, closeDatabase, getDatabase } from "@/lib/db";

import { withApi, type RouteHandler } from "./with-api";

/**
 * withApi's access check as a route sees it, on the process's own configuration and
 * database (environment tokens keep it quick): 401, 403 with a sentence, 503 when no
 * sign-in method exists, ctx.principal and ctx.audit.
 */
const ADMIN = "admin-token-for-with-api-0123456789abcdef";
const VIEWER = "viewer-token-for-with-api-0123456789abcde";
const dir = mkdtempSync(join(tmpdir(), "callboard-with-api-"));

function configure(tokens: string) {
  Object.assign(process.env, {
    VOICENTER_CODE: "live-code-for-with-api",
    CALLBOARD_DATA_DIR: dir,
    CALLBOARD_AUTH_SECRET: "with-api-auth-secret-0123456789abcdef-01",
    CALLBOARD_BASE_URL: "http://127.0.0.1:3999",
    CALLBOARD_API_TOKENS: tokens,
  });
  resetAuthConfigForTests();
}

beforeEach(() => configure(`admin:${ADMIN},viewer:${VIEWER}`));
afterAll(async () => {
  await closeDatabase();
  rmSync(dir, { recursive: true, force: true });
});

const call = (route: RouteHandler<Record<string, never>>, token?: string) =>
  route(
    new Request("http://127.0.0.1:3999/api/x", {
      headers: token ? { authorization: `Bearer ${token}`, "user-agent": "test-agent" } : {},
    }),
  );

const exportRoute = withApi(
  async (_request, { principal, audit }) => {
    await audit({ action: "calls.export", details: { rows: 3 } });
    return Response.json({ principal });
  },
  { permission: "calls.export" },
);

describe("withApi's access check", () => {
  it("answers 401 without a credential, with the Bearer challenge", async () => {
    const response = await call(exportRoute);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="callboard"');
    expect(await response.json()).toEqual({
      error: {
        code: "unauthorized",
        message: "sign in first, or send an API token as Authorization: Bearer <token>",
      },
    });
    expect((await call(exportRoute, `${ADMIN}-not`)).status).toBe(401);
  });

  it("answers 403 naming what the role lacks", async () => {
    const response = await call(exportRoute, VIEWER);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: "forbidden",
        message: "the viewer role may not export calls: that needs the admin role",
      },
    });
  });

  it("hands the handler the principal, and audits as it", async () => {
    const response = await call(exportRoute, ADMIN);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      principal: {
        kind: "token",
        id: "token:env-1",
        label: "CALLBOARD_API_TOKENS #1 (admin)",
        role: "admin",
      },
    });
    const [entry] = await (
      await getDatabase()
    )
      .select()
      .from(auditEvent)
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(entry).toMatchObject({
      action: "calls.export",
      actorKind: "token",
      actorId: "env-1",
      details: { rows: 3 },
      userAgent: "test-agent",
    });
  });

  it("lets anyone signed in through 'signed-in', and looks at nobody on a public route", async () => {
    const signedIn = withApi((_r, { principal }) => Response.json({ role: principal.role }), {
      permission: "signed-in",
    });
    expect(await (await call(signedIn, VIEWER)).json()).toEqual({ role: "viewer" });
    const open = withApi((_r, { principal }) => Response.json({ principal }), {
      permission: "public",
    });
    expect(await (await call(open, ADMIN)).json()).toEqual({ principal: null });
  });

  it("answers 503 sign_in_not_configured in live mode with no sign-in method", async () => {
    configure("");
    const response = await call(exportRoute, ADMIN);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "sign_in_not_configured",
    );
  });
});
