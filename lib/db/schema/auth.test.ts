import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin, genericOAuth } from "better-auth/plugins";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import type { Database } from "../database";
import { authTables, rateLimit, session, user } from "./auth";

/**
 * Better Auth 1.7 on these tables, through its drizzle adapter, as the sign-in code will
 * configure it: local users (admin plugin), OpenID Connect (genericOAuth), the rate limit
 * in the database. Better Auth checks the schema against its own at run time, so a missing
 * or misnamed column fails here.
 */

const ORIGIN = "http://127.0.0.1:3999";

function createAuth(db: Database) {
  return betterAuth({
    secret: "test-secret-that-is-long-enough-0123456789",
    baseURL: ORIGIN,
    database: drizzleAdapter(db, { provider: "pg", schema: authTables }),
    emailAndPassword: { enabled: true, disableSignUp: true },
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100 },
    telemetry: { enabled: false },
    plugins: [
      admin({ defaultRole: "viewer", adminRoles: ["admin"] }),
      genericOAuth({
        config: [
          {
            providerId: "sso",
            clientId: "callboard",
            clientSecret: "secret",
            authorizationUrl: `${ORIGIN}/authorize`,
            tokenUrl: `${ORIGIN}/token`,
          },
        ],
      }),
    ],
  });
}

describeEachDatabase("Better Auth on Callboard's tables", (target) => {
  let db: Database;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    db = (await target.open()).db;
    auth = createAuth(db);
  });

  async function signIn(email: string, password: string): Promise<string> {
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          "x-forwarded-for": "10.1.2.3",
        },
        body: JSON.stringify({ email, password }),
      }),
    );
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  it("creates users, signs in, keeps the session and the role, and bans", async () => {
    await auth.api.createUser({
      body: {
        email: "maya@example.com",
        password: "correct horse battery",
        name: "Maya",
        role: "admin",
      },
    });
    const { user: viewer } = await auth.api.createUser({
      body: { email: "eli@example.com", password: "another long password", name: "Eli" },
    });
    expect(viewer.role).toBe("viewer");

    const adminCookie = await signIn("maya@example.com", "correct horse battery");
    const current = await auth.api.getSession({ headers: new Headers({ cookie: adminCookie }) });
    expect(current?.user).toMatchObject({
      email: "maya@example.com",
      role: "admin",
      banned: false,
    });

    await signIn("eli@example.com", "another long password");
    expect(await db.select().from(session).where(eq(session.userId, viewer.id))).toHaveLength(1);
    await auth.api.banUser({
      body: { userId: viewer.id, banReason: "left the company" },
      headers: new Headers({ cookie: adminCookie }),
    });
    const [banned] = await db.select().from(user).where(eq(user.id, viewer.id));
    expect(banned).toMatchObject({ banned: true, banReason: "left the company" });
    // a disabled user's sessions end at once
    expect(await db.select().from(session).where(eq(session.userId, viewer.id))).toHaveLength(0);
    // sign-in attempts were counted in the database, shared by every instance
    expect((await db.select().from(rateLimit)).length).toBeGreaterThan(0);
  });
});
