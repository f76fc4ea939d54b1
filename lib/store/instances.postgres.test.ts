import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callsResponseSchema } from "@/lib/api/calls-response";
import { databaseTarget } from "@/testing/database/each-database";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";
import { startInstance, type AppInstance } from "@/testing/store/instances";

/**
 * Two app instances (real processes, real route handlers) on one real PostgreSQL server and
 * one simulator over HTTP: one of them syncs, the other takes over when it is killed; the
 * upstream budget is counted across both; a span neither has is fetched once.
 */

const CODE = "instances-test-code-4471";
const LIMIT = 10;
const H = 3_600_000;

interface Health {
  sync: { leading?: boolean; syncedTo?: string | null };
  budget: { used: number; limit: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await sleep(250);
  }
}

/** The most requests that arrived within any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("two instances on one PostgreSQL database", () => {
  const target = databaseTarget("postgres");
  let server: SimulatorServer;
  const arrivals: { at: number; body: string }[] = [];
  let a: AppInstance;
  let b: AppInstance;

  beforeAll(async () => {
    server = await loopbackSimulator({ code: CODE, seed: 5, rateLimit: 1000 });
    const handle = server.simulator.handle.bind(server.simulator);
    server.simulator.handle = async (request, ip) => {
      if (new URL(request.url).pathname.startsWith("/hub/cdr")) {
        arrivals.push({ at: Date.now(), body: await request.clone().text() });
      }
      return handle(request, ip);
    };
    const storage = await target.storage();
    if (storage.config.kind !== "postgres") throw new Error("unreachable");
    const env = {
      DATABASE_URL: storage.config.url,
      VOICENTER_CODE: CODE,
      VOICENTER_API_URL: `${server.url}/hub/cdr/`,
      VOICENTER_RATE_LIMIT: String(LIMIT),
      CALLBOARD_SYNC_INTERVAL_S: "10",
      CALLBOARD_BACKFILL_DAYS: "1",
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });

  afterAll(async () => {
    await Promise.all([a.kill("SIGKILL"), b.kill("SIGKILL")]);
    await server.close();
  });

  const health = async (instance: AppInstance) =>
    (await instance.get("/api/health")).body as Health;

  it("one of them leads the sync", async () => {
    const leaders = await until(
      "a leader",
      async () => {
        const both = await Promise.all([health(a), health(b)]);
        const leading = both.filter((h) => h.sync.leading).length;
        return leading > 0 && both.some((h) => h.sync.syncedTo) ? leading : undefined;
      },
      60_000,
    );
    expect(leaders).toBe(1);
  });

  it("fetches a span neither has once: the other waits for it and reads the store", async () => {
    const day = Math.floor(Date.now() / (24 * H)) - 20;
    const search = `from=${new Date(day * 24 * H).toISOString()}&to=${new Date(day * 24 * H + 6 * H).toISOString()}`;
    const before = arrivals.length;
    const [ra, rb] = await Promise.all([
      a.get(`/api/calls?${search}`),
      b.get(`/api/calls?${search}`),
    ]);
    const [ba, bb] = [callsResponseSchema.parse(ra.body), callsResponseSchema.parse(rb.body)];
    expect(ba.complete && bb.complete).toBe(true);
    expect(ba.calls.length).toBeGreaterThan(0);
    expect(bb.calls).toEqual(ba.calls);
    expect(ba.upstreamRequests + bb.upstreamRequests).toBe(1);
    const forSpan = arrivals
      .slice(before)
      .filter((r) => r.body.includes(new Date(day * 24 * H).toISOString().slice(0, 19)));
    expect(forSpan).toHaveLength(1);
  });

  it("counts the budget across both: together they never exceed it", async () => {
    const started = Date.now();
    const aborter = new AbortController();
    // queue filters always go upstream: each of these is one request
    const asks = Array.from({ length: 2 * LIMIT }, (_, i) => {
      const instance = i % 2 === 0 ? a : b;
      const from = new Date(started - (i + 2) * H).toISOString();
      const to = new Date(started - (i + 1) * H).toISOString();
      return instance
        .get(`/api/calls?from=${from}&to=${to}&queue=${i + 1}`, aborter.signal)
        .catch(() => undefined);
    });
    await sleep(6_000);
    const times = arrivals.map((r) => r.at);
    expect(busiestWindow(times, 61_000)).toBeLessThanOrEqual(LIMIT);
    const answered = arrivals.filter((r) => r.at >= started && r.body.includes("queueID")).length;
    expect(answered).toBeGreaterThan(0);
    // alone, each instance would have let its own LIMIT through
    expect(answered).toBeLessThan(2 * LIMIT);
    const shown = await health(a);
    expect(shown.budget.used).toBeLessThanOrEqual(LIMIT);
    aborter.abort();
    await Promise.all(asks);
  });

  it("another instance takes over within a minute when the leader stops", async () => {
    const [ha] = await Promise.all([health(a)]);
    const [leader, other] = ha.sync.leading ? [a, b] : [b, a];
    await leader.kill("SIGKILL");
    const killedAt = Date.now();
    await until(
      "a new leader",
      async () => ((await health(other)).sync.leading ? true : undefined),
      60_000,
    );
    const takeOverMs = Date.now() - killedAt;
    console.log(`take-over after ${(takeOverMs / 1000).toFixed(1)} s`);
    expect(takeOverMs).toBeLessThan(60_000);
    const edge = (await health(other)).sync.syncedTo ?? "";
    const moved = await until(
      "a sync cycle by the new leader",
      async () => {
        const now = (await health(other)).sync.syncedTo ?? "";
        return now > edge ? now : undefined;
      },
      90_000,
    );
    expect(Date.parse(moved)).toBeGreaterThan(killedAt);
  });
});
