import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import type { Database } from "./database";
import {
  databaseErrorCode,
  describeDatabaseError,
  redactDatabaseSecrets,
  secretsOfUrl,
} from "./errors";
import { apiToken, auditEvent, session, user } from "./schema";

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describeEachDatabase("database errors", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
    await db.insert(user).values({ id: "u1", name: "Noa", email: "noa@example.com" });
  });

  it.each([
    [
      "unique violation",
      "23505",
      () => db.insert(user).values({ id: "u2", name: "Dup", email: "noa@example.com" }),
    ],
    [
      "foreign key violation",
      "23503",
      () =>
        db.insert(session).values({
          id: "s1",
          token: "t",
          userId: "nobody",
          expiresAt: new Date("2030-01-01T00:00:00Z"),
        }),
    ],
    [
      "check violation",
      "23514",
      () =>
        db.execute(
          sql`insert into api_token (id, name, token_hash, role) values ('t1', 'x', 'not-hex', 'admin')`,
        ),
    ],
    ["syntax error", "42601", () => db.execute(sql`selec 1`)],
    ["undefined table", "42P01", () => db.execute(sql`select * from no_such_table`)],
  ])("carries the SQLSTATE of a %s (%s)", async (_, code, statement) => {
    const error = await failure(statement());
    expect(databaseErrorCode(error)).toBe(code);
    expect(describeDatabaseError(error)).toMatch(new RegExp(`^${code}: `));
  });

  it("names the constraint that was violated", async () => {
    const error = await failure(
      db.insert(user).values({ id: "u3", name: "Dup", email: "noa@example.com" }),
    );
    expect((error as { cause?: { constraint?: string } }).cause?.constraint).toBe(
      "user_email_unique",
    );
  });

  it("keeps the audit trail append-only: no update, no delete", async () => {
    await db.insert(auditEvent).values({ actorKind: "user", actorId: "u1", action: "sign-in" });
    for (const statement of [
      () => db.update(auditEvent).set({ action: "nothing happened" }),
      () => db.delete(auditEvent).where(eq(auditEvent.actorId, "u1")),
      () => db.execute(sql`truncate audit_event`),
    ]) {
      const error = await failure(statement());
      expect(databaseErrorCode(error)).toBe("42501");
      expect(describeDatabaseError(error)).toContain("append-only");
    }
    const rows = await db.select().from(auditEvent).where(eq(auditEvent.actorId, "u1"));
    expect(rows.map((r) => r.action)).toEqual(["sign-in"]);
  });

  it("stores an admin's API token only as a SHA-256 hash", async () => {
    const error = await failure(
      db
        .insert(apiToken)
        .values({ id: "t2", name: "bi", tokenHash: "cb_plaintext", role: "viewer" }),
    );
    expect(databaseErrorCode(error)).toBe("23514");
  });
});

describe("describeDatabaseError", () => {
  const url = "postgres://callboard:Sup3r-Secret@db.internal:5432/callboard";

  it("hides the user and password of any URL, and the configured secrets", () => {
    const text = `could not connect to ${url} (password Sup3r-Secret rejected)`;
    const redacted = redactDatabaseSecrets(text, secretsOfUrl(url));
    expect(redacted).not.toContain("Sup3r-Secret");
    expect(redacted).not.toContain("callboard:");
    expect(redacted).toContain("postgres://***@db.internal:5432/callboard");
  });

  it("drops Drizzle's list of query parameters and keeps the driver's message", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: "23505",
    });
    const wrapped = Object.assign(new Error("Failed query: insert …\nparams: secret-token"), {
      cause,
    });
    expect(describeDatabaseError(wrapped)).toBe(
      '23505: duplicate key value violates unique constraint "x"',
    );
  });

  it("finds no code where there is none", () => {
    expect(databaseErrorCode(new Error("plain"))).toBeUndefined();
    expect(databaseErrorCode({ code: "ECONNREFUSED" })).toBeUndefined();
  });
});
