import { asc, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import { purgeAuditEventsBefore } from "./audit-purge";
import type { Database } from "./database";
import { databaseErrorCode } from "./errors";
import { auditEvent } from "./schema";

describeEachDatabase("audit retention", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
    await db.insert(auditEvent).values(
      ["2024-01-01", "2024-03-01", "2024-05-01", "2024-06-01"].map((day) => ({
        at: new Date(`${day}T12:00:00Z`),
        actorKind: "user" as const,
        action: `event on ${day}`,
      })),
    );
  });

  it("deletes only the entries older than the cutoff, and says how many", async () => {
    expect(await purgeAuditEventsBefore(db, new Date("2024-04-01T00:00:00Z"))).toBe(2);
    const left = await db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .orderBy(asc(auditEvent.at));
    expect(left).toEqual([{ action: "event on 2024-05-01" }, { action: "event on 2024-06-01" }]);
  });

  it("leaves the trail append-only outside the purge", async () => {
    const error = await db.execute(sql`delete from audit_event`).catch((e: unknown) => e);
    expect(databaseErrorCode(error)).toBe("42501");
    expect(await db.$count(auditEvent)).toBe(2);
  });
});
