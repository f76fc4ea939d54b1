import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import type { Database } from "./database";
import { auditEvent, rateLimit, user } from "./schema";

/**
 * One query layer: the same query returns the same JavaScript values on both back-ends,
 * raw SQL included (the call store's aggregations are raw SQL).
 */
describeEachDatabase("values", (target) => {
  let db: Database;
  beforeAll(async () => {
    db = (await target.open()).db;
  });

  it("returns the same values from raw SQL on either back-end", async () => {
    const result = await db.execute(sql`
      select count(*) as n, sum(x)::int8 as total, 9007199254740993::int8 as huge,
             array[1, 2]::int8[] as ids, 2::int4 as small, 1.25::float8 as ratio,
             12.50::numeric as money, true as flag, 'שלום' as hebrew,
             '{"queue": [1, 2], "from": "2024-06-01"}'::jsonb as filters,
             timestamptz '2024-06-01 10:00:00+03' as at, date '2024-06-01' as day,
             null::text as nothing
      from (values (1), (2), (3)) as t(x)`);
    expect(result.rows).toEqual([
      {
        n: 3,
        total: 6,
        huge: 9007199254740993n,
        ids: [1, 2],
        small: 2,
        ratio: 1.25,
        money: "12.50",
        flag: true,
        hebrew: "שלום",
        filters: { queue: [1, 2], from: "2024-06-01" },
        // left as text by Drizzle on both drivers; typed columns give Dates
        at: "2024-06-01 07:00:00+00",
        day: "2024-06-01",
        nothing: null,
      },
    ]);
  });

  it("works in UTC, as PGlite does, whatever the server's own time zone", async () => {
    const zone = await db.execute<{ TimeZone: string }>(sql`show timezone`);
    expect(zone.rows).toEqual([{ TimeZone: "UTC" }]);
    const day = await db.execute<{ day: string }>(
      sql`select date_trunc('day', timestamptz '2024-06-01 01:30:00+03')::text as day`,
    );
    expect(day.rows).toEqual([{ day: "2024-05-31 00:00:00+00" }]);
  });

  it("round-trips typed columns: dates, JSON, booleans, bigints", async () => {
    const at = new Date("2024-06-01T07:00:00.123Z");
    await db.insert(user).values({
      id: "v1",
      name: "Avi",
      email: "avi@example.com",
      banExpires: at,
      banned: true,
    });
    await db.insert(auditEvent).values({
      at,
      actorKind: "token",
      action: "export.csv",
      details: { filters: { queue: [3] }, rows: 120, note: "קובץ" },
    });
    await db
      .insert(rateLimit)
      .values({ id: "r1", key: "sign-in:1.2.3.4", count: 3, lastRequest: 1717225200123 });
    const [u] = await db.select().from(user);
    expect(u).toMatchObject({ banExpires: at, banned: true, role: "viewer", emailVerified: false });
    expect(u?.createdAt).toBeInstanceOf(Date);
    const [event] = await db.select().from(auditEvent);
    expect(event).toMatchObject({
      id: 1,
      at,
      details: { filters: { queue: [3] }, rows: 120, note: "קובץ" },
    });
    const [limit] = await db.select().from(rateLimit);
    expect(limit?.lastRequest).toBe(1717225200123);
  });
});
