import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";

import type { DatabaseHandle } from "@/lib/db/database";
import { user } from "@/lib/db/schema";

import { createTestDatabase } from "./test-database";

const opened: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((handle) => handle.close()));
});

it("gives each test its own migrated, empty database", async () => {
  const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  opened.push(first, second);
  await first.db.insert(user).values({ id: "only-here", name: "A", email: "a@example.com" });
  expect(await first.db.$count(user)).toBe(1);
  expect(await second.db.$count(user)).toBe(0);
  const tables = await second.db.execute<{ n: number }>(
    sql`select count(*)::int as n from information_schema.tables where table_name = 'audit_event'`,
  );
  expect(tables.rows).toEqual([{ n: 1 }]);
  expect(first.kind).toBe("pglite");
  expect(first.location).toBe("memory");
});
