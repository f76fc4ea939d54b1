import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import type { DatabaseHandle } from "@/lib/db/database";
import { DAY_MS } from "@/lib/time/units";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { createBackfill } from "./backfill";
import { readCoverage } from "./coverage";
import { applyRetention } from "./retention";
import { gaps } from "./spans";
import { runSyncCycle } from "./sync";
import { readSyncState } from "./sync-state";

/**
 * The backfill against a busy center (10,000 calls a weekday): newest first, nearly every
 * request a full page, resumed by a fresh process from the coverage alone; then retention.
 */

const CODE = "backfill-test-code-9034";
const NOW = Date.UTC(2024, 5, 20, 8);
const DAYS = 4;

describeEachDatabase("the backfill", (target) => {
  const clock = testClock(NOW);
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;

  beforeAll(async () => {
    server = await loopbackSimulator({
      code: CODE,
      seed: 3,
      callsPerDay: 10_000,
      now: clock.now,
      rateLimit: 1000,
    });
    handle = await target.open();
    harness = storeHarness({
      handle,
      upstream: simulatorUpstream(server, CODE),
      clock,
      settings: { backfillDays: DAYS, retentionDays: 30 },
    });
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  it("waits for the first sync cycle, then fills the days newest first", async () => {
    expect((await createBackfill(harness.ctx).step()).kind).toBe("waiting");
    await runSyncCycle(harness.ctx);
    const backfill = createBackfill(harness.ctx);
    const windows: { from: number; to: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const step = await backfill.step();
      expect(step.kind).toBe("fetched");
      if (step.kind === "fetched") windows.push(step.window);
    }
    // each request continues below the last: newest first
    expect(windows[1]?.to).toBeLessThan(windows[0]?.to ?? 0);
    expect(windows[2]?.to).toBeLessThan(windows[1]?.to ?? 0);
  });

  it("resumes in a new process from the coverage, with full pages, to the horizon", async () => {
    const before = harness.upstreamRequests();
    const backfill = createBackfill(harness.ctx);
    let steps = 0;
    for (; steps < 50; steps++) if ((await backfill.step()).kind === "done") break;
    const requests = harness.upstreamRequests() - before;
    const horizon = NOW - DAYS * DAY_MS;
    // `to` inclusive, whole seconds
    const truth = simulatedCallIds(
      server.simulator,
      { from: horizon, to: NOW - 31 * 60_000 - 1000 },
      NOW,
    );
    // ~10,000 calls a page: the count of pages, plus one for the last, partly filled one
    const left = truth.length - 3 * 10_000;
    expect(requests).toBeLessThanOrEqual(Math.ceil(left / 10_000) + 2);
    const covered = (await readCoverage(handle.db, [""], { from: horizon, to: NOW })).filter(
      (s) => s.complete,
    );
    expect(gaps({ from: horizon, to: NOW }, covered)).toEqual([]);
    const state = await readSyncState(handle.db);
    expect(state.backfill).toMatchObject({ done: true, remainingMs: 0 });
    const { rows } = await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from stored_call
      where started_at >= ${new Date(horizon).toISOString()}::timestamptz
        and started_at < ${new Date(NOW - 31 * 60_000).toISOString()}::timestamptz`);
    expect(rows[0]?.n).toBe(truth.length);
  });

  it("retention deletes what is older than its days, and forgets that coverage", async () => {
    const cut = NOW - 2 * DAY_MS;
    const removed = await applyRetention(handle.db, 2, NOW);
    expect(removed.calls).toBeGreaterThan(10_000);
    const { rows } = await handle.db.execute<{ n: number }>(sql`
      select count(*)::int as n from stored_call where started_at < ${new Date(cut).toISOString()}::timestamptz`);
    expect(rows[0]?.n).toBe(0);
    const coverage = await readCoverage(handle.db, [""], { from: 0, to: NOW });
    expect(Math.min(...coverage.map((s) => s.from))).toBe(cut);
  });
});
