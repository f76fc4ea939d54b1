import "server-only";

import { createSharedFlights } from "./shared-flights";

/**
 * Whole-query result cache with single-flight: identical requests in flight share one load,
 * and a finished load is kept for a while (long for ranges that can no longer change, briefly
 * for recent ones). The store sits behind {@link CacheStore} so a Redis-backed one can replace
 * the in-memory one without touching callers.
 */

export interface CacheEntryPolicy {
  ttlMs: number;
  /** Cost of the entry against the store's weight bound (e.g. its number of calls). */
  weight: number;
}

export interface CacheStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, policy: CacheEntryPolicy): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MemoryStoreOptions {
  maxEntries?: number;
  maxWeight?: number;
  now?: () => number;
}

export interface MemoryStore<V> extends CacheStore<V> {
  size(): { entries: number; weight: number };
}

interface MemoryEntry<V> {
  value: V;
  expiresAt: number;
  weight: number;
}

/** LRU bounded by entry count and total weight; expired entries are dropped when seen. */
export function createMemoryStore<V>(options: MemoryStoreOptions = {}): MemoryStore<V> {
  const maxEntries = options.maxEntries ?? 200;
  const maxWeight = options.maxWeight ?? 250_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry<V>>();
  let weight = 0;

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    weight -= entry.weight;
    entries.delete(key);
  }

  function evict(at: number) {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) drop(key);
    // Map iteration is insertion order, and a hit re-inserts: the first key is the least recent.
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries && weight <= maxWeight) break;
      drop(key);
    }
  }

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve(undefined);
      if (entry.expiresAt <= now()) {
        drop(key);
        return Promise.resolve(undefined);
      }
      entries.delete(key);
      entries.set(key, entry);
      return Promise.resolve(entry.value);
    },
    set(key, value, policy) {
      drop(key);
      if (policy.ttlMs > 0 && policy.weight <= maxWeight) {
        const at = now();
        entries.set(key, { value, expiresAt: at + policy.ttlMs, weight: policy.weight });
        weight += policy.weight;
        evict(at);
      }
      return Promise.resolve();
    },
    delete(key) {
      drop(key);
      return Promise.resolve();
    },
    size: () => ({ entries: entries.size, weight }),
  };
}

export type CacheSource = "cache" | "load" | "joined";

export interface CacheStats {
  hits: number;
  loads: number;
  joined: number;
}

export interface QueryCache<V, E = never> {
  /**
   * The cached value for `key`, or the one being loaded for it, or a new load. `policy`
   * decides how long a loaded value is kept (undefined: not kept). The caller's signal only
   * stops the caller waiting; the shared load goes on for the others, and its own signal
   * (the first argument of `load`) aborts once every caller has stopped waiting. `onEvent`
   * hears what the load emits, from its start (shared-flights.ts).
   */
  getOrLoad(
    key: string,
    load: (signal: AbortSignal, emit: (event: E) => void) => Promise<V>,
    policy: (value: V) => CacheEntryPolicy | undefined,
    opts?: { signal?: AbortSignal; onEvent?: (event: E) => void },
  ): Promise<{ value: V; source: CacheSource }>;
  /** The cached value, without loading. */
  peek(key: string): Promise<V | undefined>;
  stats(): CacheStats;
}

export function createQueryCache<V, E = never>(store: CacheStore<V>): QueryCache<V, E> {
  const flights = createSharedFlights<{ value: V; source: CacheSource }, E>();
  const stats: CacheStats = { hits: 0, loads: 0, joined: 0 };

  return {
    async getOrLoad(key, load, policy, opts = {}) {
      const { result, joined } = flights.join(
        key,
        async (signal, emit) => {
          const cached = await store.get(key);
          if (cached !== undefined) {
            stats.hits++;
            return { value: cached, source: "cache" };
          }
          stats.loads++;
          const value = await load(signal, emit);
          const keep = policy(value);
          if (keep) await store.set(key, value, keep);
          return { value, source: "load" };
        },
        opts,
      );
      if (joined) stats.joined++;
      const { value, source } = await result;
      return { value, source: joined ? "joined" : source };
    },
    peek: (key) => store.get(key),
    stats: () => ({ ...stats }),
  };
}

export interface TtlPolicyOptions {
  /** A range that ended this long ago no longer changes (records appear minutes late). */
  settledAfterMs?: number;
  settledTtlMs?: number;
  recentTtlMs?: number;
}

/** How long to keep a result for a range ending at `rangeTo`, seen at `now`. */
export function ttlForRange(rangeTo: number, now: number, options: TtlPolicyOptions = {}): number {
  const settledAfter = options.settledAfterMs ?? 15 * 60_000;
  return rangeTo <= now - settledAfter
    ? (options.settledTtlMs ?? 60 * 60_000)
    : (options.recentTtlMs ?? 30_000);
}
