import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { DatabaseHandle } from "./database";
import { createHealthProbe } from "./health";

/**
 * The probe's waiting rules, with a handle whose ping the test resolves by hand and fake
 * timers: health must answer within its budget however long the database takes.
 */

function controllableHandle() {
  const pings: { resolve(): void; reject(e: Error): void }[] = [];
  const handle = {
    kind: "pglite",
    ping: () => new Promise<void>((resolve, reject) => pings.push({ resolve, reject })),
  } as unknown as DatabaseHandle;
  return { handle, pings };
}

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2024, 5, 1, 9) }));
afterEach(() => vi.useRealTimers());

describe("createHealthProbe", () => {
  const now = () => Date.now();

  it("reports ok with the round trip of select 1", async () => {
    const { handle, pings } = controllableHandle();
    const probe = createHealthProbe(() => Promise.resolve(handle), { kind: "pglite", now });
    const checking = probe.check();
    await vi.advanceTimersByTimeAsync(3);
    pings[0]?.resolve();
    expect(await checking).toEqual({
      kind: "pglite",
      ok: true,
      latencyMs: 3,
      checkedAt: "2024-06-01T09:00:00.003Z",
    });
  });

  it("answers after waitMs when the database is busy, and at once while it still is", async () => {
    const { handle, pings } = controllableHandle();
    const probe = createHealthProbe(() => Promise.resolve(handle), {
      kind: "pglite",
      now,
      waitMs: 50,
    });
    const first = probe.check();
    await vi.advanceTimersByTimeAsync(1);
    pings[0]?.resolve();
    await first;

    const busy = probe.check();
    await vi.advanceTimersByTimeAsync(50);
    expect(await busy).toMatchObject({ ok: true, latencyMs: 1, waitingMs: 50 });
    // a second request does not start (or wait for) another check
    await vi.advanceTimersByTimeAsync(100);
    expect(await probe.check()).toMatchObject({ ok: true, waitingMs: 150 });
    expect(pings).toHaveLength(2);
  });

  it("is not ok once a check has waited unresponsiveAfterMs", async () => {
    const { handle, pings } = controllableHandle();
    const probe = createHealthProbe(() => Promise.resolve(handle), {
      kind: "postgres",
      now,
      unresponsiveAfterMs: 10_000,
    });
    const first = probe.check();
    await vi.advanceTimersByTimeAsync(0);
    pings[0]?.resolve();
    await first;
    void probe.check();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await probe.check()).toMatchObject({
      ok: false,
      error: "the database has not answered for 10 s",
    });
  });

  it("reports a failure without credentials", async () => {
    const { handle, pings } = controllableHandle();
    const url = "postgres://cb:T0p-Secret@db.internal:5432/cb";
    const probe = createHealthProbe(() => Promise.resolve(handle), {
      kind: "postgres",
      now,
      secrets: [url, "T0p-Secret"],
    });
    const checking = probe.check();
    await vi.advanceTimersByTimeAsync(0);
    pings[0]?.reject(
      Object.assign(new Error(`connection to ${url} refused (T0p-Secret)`), { code: "08006" }),
    );
    const health = await checking;
    expect(health.ok).toBe(false);
    expect(health.error).toMatch(/^08006: connection to postgres:\/\/\*\*\*@db.internal/);
    expect(JSON.stringify(health)).not.toContain("T0p-Secret");
  });

  it("says the database is opening until the first check completes", async () => {
    const opening = new Promise<DatabaseHandle>(() => {});
    const probe = createHealthProbe(() => opening, { kind: "pglite", now });
    const checking = probe.check();
    await vi.advanceTimersByTimeAsync(50);
    expect(await checking).toMatchObject({
      ok: false,
      latencyMs: null,
      error: "the database is opening",
    });
  });
});
