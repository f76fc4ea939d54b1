import { describe, expect, it } from "vitest";

import { createFakeClock } from "@/testing/fake-clock";

import { createMemoryStore, createQueryCache, ttlForRange } from "./cache";

const keep = (ttlMs: number) => () => ({ ttlMs, weight: 1 });

describe("createQueryCache", () => {
  it("lets 50 concurrent identical requests share one load", async () => {
    const cache = createQueryCache<string>(createMemoryStore());
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return "calls";
    };
    const all = Promise.all(
      Array.from({ length: 50 }, () => cache.getOrLoad("q", load, keep(30_000))),
    );
    release();
    const results = await all;
    expect(loads).toBe(1);
    expect(results.every((r) => r.value === "calls")).toBe(true);
    expect(results.filter((r) => r.source === "joined")).toHaveLength(49);
    expect(cache.stats()).toEqual({ hits: 0, loads: 1, joined: 49 });
  });

  it("answers from the cache until the entry expires", async () => {
    const clock = createFakeClock();
    const cache = createQueryCache<number>(createMemoryStore({ now: clock.now }));
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect((await cache.getOrLoad("q", load, keep(30_000))).source).toBe("load");
    clock.advance(29_000);
    expect(await cache.getOrLoad("q", load, keep(30_000))).toEqual({ value: 1, source: "cache" });
    clock.advance(2_000);
    expect(await cache.getOrLoad("q", load, keep(30_000))).toEqual({ value: 2, source: "load" });
  });

  it("does not keep a value the policy declines, nor a failure", async () => {
    const cache = createQueryCache<number>(createMemoryStore());
    let loads = 0;
    await cache.getOrLoad(
      "q",
      () => Promise.resolve(++loads),
      () => undefined,
    );
    await cache.getOrLoad(
      "q",
      () => Promise.resolve(++loads),
      () => undefined,
    );
    expect(loads).toBe(2);
    await expect(
      cache.getOrLoad("e", () => Promise.reject(new Error("down")), keep(1000)),
    ).rejects.toThrow("down");
    await expect(cache.getOrLoad("e", () => Promise.resolve(7), keep(1000))).resolves.toMatchObject(
      {
        value: 7,
      },
    );
  });

  it("lets one viewer stop waiting without cancelling the load the others share", async () => {
    const cache = createQueryCache<string>(createMemoryStore());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      await gate;
      return "calls";
    };
    const controller = new AbortController();
    const leaving = cache.getOrLoad("q", load, keep(1000), { signal: controller.signal });
    const staying = cache.getOrLoad("q", load, keep(1000));
    controller.abort(new Error("tab closed"));
    await expect(leaving).rejects.toThrow("tab closed");
    release();
    await expect(staying).resolves.toMatchObject({ value: "calls" });
  });

  it("stops the load once every viewer has stopped waiting, and a new ask starts afresh", async () => {
    const cache = createQueryCache<string>(createMemoryStore());
    const seen: AbortSignal[] = [];
    const load = (signal: AbortSignal) => {
      seen.push(signal);
      return new Promise<string>((resolve, reject) => {
        signal.addEventListener("abort", () => reject(new Error("stopped")), { once: true });
        setTimeout(() => resolve("calls"), 50);
      });
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.getOrLoad("q", load, keep(1000), { signal: first.signal });
    const b = cache.getOrLoad("q", load, keep(1000), { signal: second.signal });
    await Promise.resolve();
    first.abort(new Error("tab closed"));
    await expect(a).rejects.toThrow("tab closed");
    expect(seen[0]?.aborted).toBe(false);
    second.abort(new Error("cancelled"));
    await expect(b).rejects.toThrow("cancelled");
    expect(seen[0]?.aborted).toBe(true);
    await expect(cache.getOrLoad("q", load, keep(1000))).resolves.toMatchObject({
      value: "calls",
      source: "load",
    });
    expect(seen).toHaveLength(2);
  });

  it("tells a viewer who joins late every event the load sent before", async () => {
    const cache = createQueryCache<string, number>(createMemoryStore());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async (_signal: AbortSignal, emit: (n: number) => void) => {
      emit(1);
      emit(2);
      await gate;
      emit(3);
      return "calls";
    };
    const early: number[] = [];
    const late: number[] = [];
    const a = cache.getOrLoad("q", load, keep(1000), { onEvent: (n) => early.push(n) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = cache.getOrLoad("q", load, keep(1000), { onEvent: (n) => late.push(n) });
    release();
    await Promise.all([a, b]);
    expect(early).toEqual([1, 2, 3]);
    expect(late).toEqual([1, 2, 3]);
    expect(await cache.peek("q")).toBe("calls");
  });
});

describe("createMemoryStore", () => {
  it("evicts the least recently used entry beyond its entry bound", async () => {
    const store = createMemoryStore<string>({ maxEntries: 2 });
    await store.set("a", "A", { ttlMs: 60_000, weight: 1 });
    await store.set("b", "B", { ttlMs: 60_000, weight: 1 });
    await store.get("a");
    await store.set("c", "C", { ttlMs: 60_000, weight: 1 });
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toBe("A");
    expect(await store.get("c")).toBe("C");
  });

  it("bounds the total weight (calls held) and skips an entry too big to hold", async () => {
    const store = createMemoryStore<string>({ maxWeight: 100 });
    await store.set("a", "A", { ttlMs: 60_000, weight: 60 });
    await store.set("b", "B", { ttlMs: 60_000, weight: 60 });
    expect(await store.get("a")).toBeUndefined();
    expect(store.size()).toEqual({ entries: 1, weight: 60 });
    await store.set("huge", "H", { ttlMs: 60_000, weight: 101 });
    expect(await store.get("huge")).toBeUndefined();
    expect(await store.get("b")).toBe("B");
  });
});

describe("ttlForRange", () => {
  const now = Date.UTC(2024, 5, 12, 12, 0, 0);
  it("keeps a range that ended more than 15 minutes ago for an hour", () => {
    expect(ttlForRange(now - 16 * 60_000, now)).toBe(3_600_000);
  });
  it("keeps a recent or still-running range for 30 seconds", () => {
    expect(ttlForRange(now - 14 * 60_000, now)).toBe(30_000);
    expect(ttlForRange(now + 3_600_000, now)).toBe(30_000);
  });
});
