import { describe, expect, it } from "vitest";

import { createFakeClock } from "@/testing/fake-clock";

import { budgetPolicy, createMemoryLedger, decideClaim, type BudgetLedger } from "./budget-ledger";
import { createGovernor } from "./governor";

describe("the budget ledger", () => {
  const policy = budgetPolicy(30);

  it("grants the backfill only half the window, people and the sync all of it", () => {
    const starts = Array.from({ length: 15 }, (_, i) => 1_000 * i);
    expect(decideClaim(policy, "interactive", starts, 20_000)).toEqual({ granted: true });
    expect(decideClaim(policy, "sync", starts, 20_000)).toEqual({ granted: true });
    // 15 starts in the window: the backfill waits until the oldest has left it
    expect(decideClaim(policy, "backfill", starts, 20_000)).toEqual({
      granted: false,
      retryInMs: 0 + 61_000 - 20_000,
    });
    const full = Array.from({ length: 30 }, (_, i) => 1_000 * i);
    expect(decideClaim(policy, "interactive", full, 40_000)).toEqual({
      granted: false,
      retryInMs: 61_000 - 40_000,
    });
  });

  it("counts this minute's starts by purpose", async () => {
    const clock = createFakeClock();
    const ledger = createMemoryLedger(policy, clock.now);
    await ledger.claim("sync");
    await ledger.claim("interactive");
    await ledger.claim("interactive");
    expect((await ledger.usage()).byPurpose).toEqual({ interactive: 2, sync: 1, backfill: 0 });
    clock.advance(61_000);
    expect((await ledger.usage()).used).toBe(0);
  });
});

describe("the governor with a ledger", () => {
  it("waits for the shared budget, and tells a caller that cannot wait so at once", async () => {
    const clock = createFakeClock();
    // another instance has used the whole budget a moment ago
    const shared = createMemoryLedger(budgetPolicy(4), clock.now);
    for (let i = 0; i < 4; i++) await shared.claim("interactive");
    clock.advance(1_000);
    const governor = createGovernor({
      rateLimitPerMinute: 4,
      ledger: shared,
      now: clock.now,
      sleep: clock.sleep,
    });
    const startedAt: number[] = [];
    const task = () => {
      startedAt.push(clock.now());
      return Promise.resolve("ok");
    };
    await expect(
      governor.run(task, { purpose: "backfill", notAfter: clock.now() + 1_000 }),
    ).rejects.toMatchObject({ kind: "rate-limited" });
    expect(startedAt).toEqual([]);
    await expect(governor.run(task)).resolves.toBe("ok");
    // it started once the other instance's starts had left the window, not before
    expect(startedAt[0]).toBeGreaterThanOrEqual(61_000 + createFakeClock().now());
  });

  it("does not let requests through unmetered when the ledger cannot be asked", async () => {
    const clock = createFakeClock();
    let calls = 0;
    const broken: BudgetLedger = {
      claim: () =>
        ++calls < 3
          ? Promise.reject(new Error("database down"))
          : Promise.resolve({ granted: true }),
      usage: () => Promise.reject(new Error("database down")),
    };
    const governor = createGovernor({
      rateLimitPerMinute: 30,
      ledger: broken,
      now: clock.now,
      sleep: clock.sleep,
    });
    await expect(governor.run(() => Promise.resolve(1))).resolves.toBe(1);
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
  });
});
