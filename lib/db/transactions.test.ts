import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import type { Database } from "./database";
import { user } from "./schema";

const person = (id: string) => ({ id, name: id, email: `${id}@example.com` });

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase("transactions", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
  });

  it("leaves no row of a rolled-back transaction while another commits concurrently", async () => {
    // the bug seen with kysely-pglite: on one shared connection, the committing
    // transaction's COMMIT also committed the other one's insert
    const doomed = db.transaction(async (tx) => {
      await tx.insert(user).values(person("doomed"));
      await later(30);
      throw new Error("changed my mind");
    });
    const kept = db.transaction(async (tx) => {
      await tx.insert(user).values(person("kept"));
    });
    await expect(doomed).rejects.toThrow("changed my mind");
    await kept;
    const ids = await db
      .select({ id: user.id })
      .from(user)
      .where(sql`${user.id} in ('doomed', 'kept')`);
    expect(ids).toEqual([{ id: "kept" }]);
  });

  it("keeps a query outside a transaction from seeing or joining it", async () => {
    let seenOutside: unknown[] = [];
    let outside: Promise<unknown> = Promise.resolve();
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(user).values(person("uncommitted"));
        outside = db
          .select()
          .from(user)
          .where(eq(user.id, "uncommitted"))
          .then((rows) => (seenOutside = rows));
        await later(30);
        tx.rollback();
      }),
    ).rejects.toThrow();
    await outside;
    expect(seenOutside).toEqual([]);
    expect(await db.select().from(user).where(eq(user.id, "uncommitted"))).toEqual([]);
  });

  it("rolls back a nested transaction (savepoint) alone", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(user).values(person("outer"));
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(user).values(person("inner"));
          throw new Error("inner only");
        }),
      ).rejects.toThrow("inner only");
    });
    const ids = await db
      .select({ id: user.id })
      .from(user)
      .where(sql`${user.id} in ('outer', 'inner')`);
    expect(ids).toEqual([{ id: "outer" }]);
  });

  it("rolls back a transaction whose statement failed, and stays usable", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(user).values(person("dup"));
        await tx.insert(user).values({ ...person("dup2"), email: "dup@example.com" });
      }),
    ).rejects.toThrow();
    expect(await db.select().from(user).where(eq(user.id, "dup"))).toEqual([]);
    await db.insert(user).values(person("after"));
    expect(await db.select({ id: user.id }).from(user).where(eq(user.id, "after"))).toHaveLength(1);
  });

  it("runs many concurrent transactions, each all or nothing", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.insert(user).values(person(`many-${i}-a`));
          await tx.insert(user).values(person(`many-${i}-b`));
          if (i % 2 === 1) throw new Error(`odd ${i}`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(10);
    const rows = await db.execute<{ id: string }>(
      sql`select id from "user" where id like 'many-%' order by id`,
    );
    const expected = Array.from({ length: 10 }, (_, k) => 2 * k).flatMap((i) => [
      `many-${i}-a`,
      `many-${i}-b`,
    ]);
    expect(rows.rows.map((r) => r.id)).toEqual(expected.sort());
  });
});
