import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";

import { DURATION_BINS } from "@/lib/analytics/histogram";
import type { ApiCall } from "@/lib/api/calls-response";
import type { DatabaseHandle } from "@/lib/db/database";
import { migrationsFolder } from "@/lib/db/migrate";
import { upsertCalls } from "@/lib/store/write";
import { DAY_MS } from "@/lib/time/units";
import { NO_LOCAL_FILTERS } from "@/lib/view-state/local-filter";
import type { Call } from "@/lib/voicenter/call";
import { describeEachDatabase } from "@/testing/database/each-database";

import { chartFiguresOf, computeChartFigures, computeRangeChartFigures } from "./charts";
import { countStored, isRangeOnly, QUARTER_MS, quarterSplit } from "./quarters";
import { countWhere } from "./read";

/**
 * The stored quarter-hour counts stay equal to the rows through every kind of write, and
 * the charts and counts read from them equal the browser's over the same calls, for ranges
 * that start and end anywhere and in zones whose offsets are not whole hours.
 */

const START = Date.UTC(2024, 2, 29, 21, 7, 13); // Israel's clocks move on the 29th
const STATUSES = ["ANSWER", "NOANSWER", "BUSY", "ABANDONE", "CANCEL", "VOICEMAIL", "NEWSTATUS"];
const ZONES = ["UTC", "Asia/Jerusalem", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns"];
const FIRST_FETCH = Date.UTC(2024, 3, 5);

/** A seeded stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function callsOf(count: number, seed: number): Call[] {
  const next = random(seed);
  const durations = [undefined, -3, 0, 0.5, 1, 9.99, 10, 59, 60, 600, 1199.5, 1200, 4000];
  return Array.from({ length: count }, (_, i) => {
    const call: Call = {
      CallID: `q-${seed}-${i}`,
      Date: iso(START + Math.floor((next() * 3 * DAY_MS) / 1000) * 1000),
    };
    const status = STATUSES[Math.floor(next() * (STATUSES.length + 1))];
    if (status) call.DialStatus = status;
    const duration = durations[Math.floor(next() * durations.length)];
    if (duration !== undefined) call.Duration = duration;
    return call;
  });
}

const apiCalls = (calls: Iterable<Call>) => [...calls] as unknown as ApiCall[];

describeEachDatabase("the stored quarter-hour counts", (target) => {
  let handle: DatabaseHandle;
  const current = new Map<string, Call>();
  const write = async (calls: Call[], fetchedAt: number) => {
    await upsertCalls(handle.db, calls, fetchedAt);
    for (const call of calls) current.set(call.CallID!, call);
  };

  /** The charts and count from the counts equal the browser's over the calls held. */
  async function expectAgreement(range: { from: number; to: number }, timeZone: string) {
    const inRange = apiCalls(current.values()).filter((c) => {
      const t = Date.parse(c.Date!);
      return t >= range.from && t < range.to;
    });
    const browser = chartFiguresOf(inRange, NO_LOCAL_FILTERS, { timeZone, range });
    const { records, ...charts } = browser;
    expect(await computeRangeChartFigures(handle.db, { timeZone, range })).toEqual(charts);
    expect(await countStored(handle.db, range)).toBe(records);
  }

  const RANGES = [
    { from: START, to: START + 3 * DAY_MS },
    { from: START - DAY_MS, to: START + 4 * DAY_MS },
    { from: Date.UTC(2024, 2, 30), to: Date.UTC(2024, 2, 31) },
    { from: START + 1234_567, to: START + 1234_567 + 10 * 60_000 },
    { from: Date.UTC(2024, 2, 30, 6, 30), to: Date.UTC(2024, 2, 30, 7, 0) },
  ];

  beforeAll(async () => {
    handle = await target.open();
    await write(callsOf(4_000, 1), FIRST_FETCH);
  });

  it("counts a Duration in the bin the browser's histogram puts it in", async () => {
    const values = [-1, 0, 0.25, 0.999, 1, 9.5, 10, 29.9, 30, 60, 119, 120, 300, 599, 600, 1200];
    const { rows } = await handle.db.execute<{ d: number; bin: number }>(sql`
      select d, stored_call_bin(d) as bin from unnest(${`{${values.join(",")}}`}::float8[]) d`);
    for (const { d, bin } of rows) {
      const expected = DURATION_BINS.findLastIndex((b, i) => i === 0 || d >= b.fromSeconds);
      expect([d, Number(bin)]).toEqual([d, expected]);
    }
    const none = await handle.db.execute<{ bin: number }>(sql`select stored_call_bin(null) as bin`);
    expect(Number(none.rows[0]?.bin)).toBe(-1);
  });

  it("gives the browser's charts and count for ranges ending anywhere, in any zone", async () => {
    for (const range of RANGES) for (const zone of ZONES) await expectAgreement(range, zone);
    // and the database's own grouping of every row agrees
    const range = RANGES[1]!;
    const where = sql`started_at >= ${iso(range.from)}::timestamptz and started_at < ${iso(range.to)}::timestamptz`;
    const options = { timeZone: "Asia/Kolkata", range };
    expect(await computeRangeChartFigures(handle.db, options)).toEqual(
      await computeChartFigures(handle.db, where, options),
    );
  });

  it("stays exact through updates, refused stale updates, removals and a truncate", async () => {
    const next = random(7);
    const changed = [...current.values()].slice(0, 900).map((call, i): Call => {
      const moved: Call = { ...call };
      if (i % 3 === 0) moved.Date = iso(Date.parse(call.Date!) + Math.floor(next() * 3600) * 1000);
      if (i % 3 === 1) moved.DialStatus = next() < 0.5 ? "ANSWER" : "BUSY";
      if (i % 3 === 2) delete moved.Duration;
      return moved;
    });
    await write([...changed, ...callsOf(500, 2)], FIRST_FETCH + 60_000);
    // an older fetch does not overwrite (write.ts): neither rows nor counts change
    await upsertCalls(handle.db, callsOf(900, 1), FIRST_FETCH);
    await expectAgreement(RANGES[1]!, "Asia/Jerusalem");

    const removed = [...current.keys()].slice(100, 700);
    await handle.db.execute(sql`delete from stored_call
      where call_id in (select jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb))`);
    for (const id of removed) current.delete(id);
    for (const zone of ZONES) await expectAgreement(RANGES[0]!, zone);

    await handle.db.execute(sql`truncate stored_call`);
    current.clear();
    const left = await handle.db.execute<{ n: number | string | null }>(
      sql`select count(*) as n from stored_call_quarter`,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
    await write(callsOf(1_000, 3), FIRST_FETCH);
    await expectAgreement(RANGES[0]!, "UTC");
  });

  it("counts a store's calls written before the counts existed (the migration's own fill)", async () => {
    const migration = readFileSync(join(migrationsFolder(), "0007_call-quarters.sql"), "utf8");
    const fill = migration.split("--> statement-breakpoint").at(-1)!;
    expect(fill).toContain("INSERT INTO");
    await handle.db.execute(sql`truncate stored_call_quarter`);
    await handle.db.execute(sql.raw(fill));
    await expectAgreement(RANGES[1]!, "Asia/Kathmandu");
  });

  it("counts any range as the rows are counted", async () => {
    const span = { from: START - DAY_MS, to: START + 4 * DAY_MS };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: span.from, max: span.to }),
        fc.integer({ min: 0, max: 2 * DAY_MS }),
        async (from, length) => {
          const range = { from, to: from + length };
          const where = sql`started_at >= ${iso(range.from)}::timestamptz and started_at < ${iso(range.to)}::timestamptz`;
          expect(await countStored(handle.db, range)).toBe(await countWhere(handle.db, where));
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});

it("splits a range into whole quarter hours and the parts at its ends", () => {
  const q = QUARTER_MS;
  expect(quarterSplit({ from: 4 * q, to: 8 * q })).toEqual({ first: 4, end: 8, edges: [] });
  expect(quarterSplit({ from: 4 * q - 5, to: 8 * q + 7 })).toEqual({
    first: 4,
    end: 8,
    edges: [
      { from: 4 * q - 5, to: 4 * q },
      { from: 8 * q, to: 8 * q + 7 },
    ],
  });
  expect(quarterSplit({ from: 4 * q + 1, to: 5 * q - 1 })).toEqual({
    first: 5,
    end: 5,
    edges: [{ from: 4 * q + 1, to: 5 * q - 1 }],
  });
  expect(isRangeOnly({ from: 1, to: 2 })).toBe(true);
  expect(isRangeOnly({ from: 1, to: 2, extensions: ["201"] })).toBe(false);
});
