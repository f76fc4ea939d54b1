import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import type { DatabaseHandle } from "@/lib/db/database";
import { changesLate, correctedAt } from "@/simulator/late-changes";
import { endsAt, VISIBILITY_DELAY_S } from "@/simulator/sim-call";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { readCoverage } from "./coverage";
import { fetchSpanIntoStore } from "./fetch-span";
import { runSweep, runSyncCycle } from "./sync";
import { readSyncState } from "./sync-state";

/**
 * The sync against the simulator over HTTP, on both databases, on a clock the test moves:
 * interval and overlap, records that arrive late or change later, a restart.
 */

const CODE = "sync-test-code-5521";
const MIN = 60_000;
const START = Date.UTC(2024, 5, 19, 12, 0, 0); // a Wednesday, busy hours in Israel
const SEED = 7;
const LATE_RATE = 0.2;

async function storedIds(db: DatabaseHandle["db"], from: number, to: number): Promise<string[]> {
  const { rows } = await db.execute<{ call_id: string }>(sql`
    select call_id from stored_call
    where started_at >= ${new Date(from).toISOString()}::timestamptz
      and started_at < ${new Date(to).toISOString()}::timestamptz order by call_id`);
  return rows.map((r) => r.call_id);
}

describeEachDatabase("the sync", (target) => {
  const clock = testClock(START);
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;
  let reopen: () => Promise<DatabaseHandle>;

  const truth = (from: number, to: number) =>
    simulatedCallIds(server.simulator, { from, to: to - 1000 }, clock.now()).sort();

  beforeAll(async () => {
    server = await loopbackSimulator({
      code: CODE,
      seed: SEED,
      now: clock.now,
      rateLimit: 1000,
      faults: { lateChangeRate: LATE_RATE },
    });
    const storage = await target.storage();
    reopen = () => storage.open();
    handle = await reopen();
    harness = storeHarness({ handle, upstream: simulatorUpstream(server, CODE), clock });
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  it("fetches [now − overlap, now) and moves its cursor to now", async () => {
    const outcome = await runSyncCycle(harness.ctx);
    expect(outcome).toMatchObject({ ok: true, complete: true, requests: 1 });
    expect(outcome.span).toEqual({ from: START - 30 * MIN, to: START });
    expect(await storedIds(handle.db, START - 30 * MIN, START)).toEqual(
      truth(START - 30 * MIN, START),
    );
    const state = await readSyncState(handle.db);
    expect(state.syncedTo).toBe(START);
    const coverage = await readCoverage(handle.db, [""], { from: 0, to: START });
    expect(coverage.map((s) => [s.from, s.to, s.complete, s.settled])).toEqual([
      [START - 30 * MIN, START, true, false],
    ]);
  });

  it("a minute later looks back over the overlap and picks up the records that arrived late", async () => {
    // calls that had started but were not yet visible a minute ago
    const late = simulatedCallIds(
      server.simulator,
      { from: START - 30 * MIN, to: START - 1000 },
      START + MIN,
    ).filter(
      (id) =>
        !simulatedCallIds(
          server.simulator,
          { from: START - 30 * MIN, to: START - 1000 },
          START,
        ).includes(id),
    );
    expect(late.length).toBeGreaterThan(0);
    clock.advance(MIN);
    const outcome = await runSyncCycle(harness.ctx);
    expect(outcome.span).toEqual({ from: START - 30 * MIN, to: START + MIN });
    const stored = await storedIds(handle.db, START - 30 * MIN, START + MIN);
    for (const id of late) expect(stored).toContain(id);
    expect(stored).toEqual(truth(START - 30 * MIN, START + MIN));
  });

  it("updates a record that changed upstream, never doubling it", async () => {
    const calls = server.simulator.store
      .day(Math.floor(START / 86_400_000))
      .filter((c) => c.epoch * 1000 >= START - 30 * MIN && c.epoch * 1000 < START)
      .filter((c) => changesLate(c, SEED, LATE_RATE) && c.recorded && c.duration > 0);
    const changing = calls.find((c) => correctedAt(c) > START && correctedAt(c) < START + 15 * MIN);
    expect(changing).toBeDefined();
    if (!changing) return;
    const before = await handle.db.execute<{ url: string; n: number }>(sql`
      select record->>'RecordURL' as url, count(*) over () as n from stored_call where call_id = ${changing.callId}`);
    expect(before.rows[0]?.url).toBe("");
    clock.set(correctedAt(changing) + 1000);
    await runSyncCycle(harness.ctx);
    const after = await handle.db.execute<{
      url: string;
      has: boolean;
      first: Date;
      last: Date;
    }>(sql`
      select record->>'RecordURL' as url, has_recording as has, first_fetched_at as first, last_fetched_at as last
      from stored_call where call_id = ${changing.callId}`);
    expect(after.rows).toHaveLength(1);
    expect(after.rows[0]?.url).toMatch(/\/recordings\/.+\.wav$/);
    expect(after.rows[0]?.has).toBe(true);
    expect(new Date(after.rows[0]?.first ?? 0).getTime()).toBeLessThan(
      new Date(after.rows[0]?.last ?? 0).getTime(),
    );
  });

  it("resumes after a restart where it stood, with nothing lost or doubled", async () => {
    const stoodAt = (await readSyncState(handle.db)).syncedTo ?? 0;
    await harness.close();
    await handle.close();
    clock.advance(5 * MIN);
    handle = await reopen();
    harness = storeHarness({ handle, upstream: simulatorUpstream(server, CODE), clock });
    const outcome = await runSyncCycle(harness.ctx);
    expect(outcome.span.from).toBe(stoodAt - 30 * MIN);
    expect(await storedIds(handle.db, START - 30 * MIN, clock.now())).toEqual(
      truth(START - 30 * MIN, clock.now()),
    );
  });

  it("the sweep settles what the sync no longer looks at, catching very late records", async () => {
    // a long call of the day before: it appears more than overlap + interval after its start
    const day = Math.floor(START / 86_400_000) - 1;
    const long = server.simulator.store
      .day(day)
      .find((c) => (endsAt(c) + VISIBILITY_DELAY_S - c.epoch) * 1000 > 32 * MIN);
    expect(long).toBeDefined();
    if (!long) return;
    const startedAt = long.epoch * 1000;
    const span = { from: startedAt - 10 * MIN, to: startedAt + 5 * MIN };
    clock.set(span.to);
    // what the sync saw then: the call had not appeared yet
    await fetchSpanIntoStore(harness.ctx, { span, filterKey: "", purpose: "sync" });
    expect(await storedIds(handle.db, span.from, span.to)).not.toContain(long.callId);
    clock.set(span.to + 3 * 60 * MIN + MIN);
    expect(await runSweep(harness.ctx)).toBe(true);
    const coverage = await readCoverage(handle.db, [""], span);
    expect(coverage[0]).toMatchObject({
      from: span.from,
      to: span.to,
      settled: true,
      complete: true,
    });
    const stored = await storedIds(handle.db, span.from, span.to);
    expect(stored).toContain(long.callId);
    expect(stored).toEqual(truth(span.from, span.to));
  });

  it("logs one line per upstream request and per cycle, never the account code", () => {
    const lines = harness.log.lines;
    const requests = lines.filter((l) => l.msg === "upstream request");
    expect(requests.length).toBeGreaterThan(0);
    for (const line of requests) {
      expect(line).toMatchObject({
        purpose: "sync",
        records: expect.any(Number) as unknown,
        ms: expect.any(Number) as unknown,
      });
      expect(line.window).toMatchObject({
        from: expect.any(String) as unknown,
        to: expect.any(String) as unknown,
      });
    }
    expect(lines.filter((l) => l.msg === "sync cycle").length).toBeGreaterThan(0);
    expect(harness.log.text()).not.toContain(CODE);
  });
});
