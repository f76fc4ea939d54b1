import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/lib/db/database";
import type { Call } from "@/lib/voicenter/call";
import { describeEachDatabase } from "@/testing/database/each-database";

import { keepStatistics, needsUpkeep } from "./statistics";
import { upsertCalls } from "./write";

/**
 * The store keeps stored_call analyzed and vacuumed as it grows, on both databases (PGlite
 * has no autovacuum): the planner's row count follows the table, pages become all-visible
 * (counts answered from the index), and nothing runs again until the table has grown.
 */

const START = Date.UTC(2024, 2, 1);

function calls(n: number, from = 0): Call[] {
  return Array.from({ length: n }, (_, i) => ({
    CallID: `call-${String(from + i).padStart(7, "0")}`,
    Date: new Date(START + (from + i) * 1000).toISOString().replace(".000Z", "Z"),
    CdrType: 8,
    DialStatus: "ANSWER",
    Duration: i % 300,
    CallerNumber: `05${String(from + i).padStart(8, "0")}`,
    // a record about the size of the upstream's (about a kilobyte)
    CustomData: { note: "x".repeat(700) },
  }));
}

describe("needsUpkeep", () => {
  it("asks for a run once the heap has grown by a quarter and by enough pages", () => {
    expect(needsUpkeep({ counted: 0, now: 999 })).toBe(false);
    expect(needsUpkeep({ counted: 0, now: 1_000 })).toBe(true);
    expect(needsUpkeep({ counted: 8_000, now: 9_999 })).toBe(false);
    expect(needsUpkeep({ counted: 8_000, now: 10_000 })).toBe(true);
    expect(needsUpkeep({ counted: 10, now: 14 }, 1)).toBe(true);
  });
});

describeEachDatabase("stored_call's statistics", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });

  async function stats() {
    const { rows } = await handle.db.execute<{ tuples: number; visible: number }>(sql`
      select reltuples::float8 as tuples, relallvisible::int as visible
      from pg_class where oid = 'stored_call'::regclass`);
    return { tuples: Number(rows[0]?.tuples), visible: Number(rows[0]?.visible) };
  }

  it("analyzes and vacuums a grown table, and not again until it grows", async () => {
    // below MIN_PAGES: the upsert leaves the table as it is
    await upsertCalls(handle.db, calls(300), START);
    expect((await stats()).tuples).toBeLessThanOrEqual(0);
    expect(await keepStatistics(handle.db, { minPages: 1 })).toBe(true);
    expect(await stats()).toMatchObject({ tuples: 300 });
    expect((await stats()).visible).toBeGreaterThan(0);
    expect(await keepStatistics(handle.db, { minPages: 1 })).toBe(false);

    // past MIN_PAGES (8 MB of records), the upsert runs it
    await upsertCalls(handle.db, calls(9_000, 300), START);
    expect((await stats()).tuples).toBe(9_300);
  });

  it("runs one upkeep at a time", async () => {
    await upsertCalls(handle.db, calls(3_000, 20_000), START);
    const both = await Promise.all([
      keepStatistics(handle.db, { minPages: 1 }),
      keepStatistics(handle.db, { minPages: 1 }),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });
});
