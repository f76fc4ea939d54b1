/**
 * Seeded randomness for the simulator. Everything a test can observe is derived from
 * (seed, day, index) through these functions, never from Math.random.
 */

/** Mixes integers into one 32-bit hash (murmur3-style finalizer per part). */
export function hashInts(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // Parts above 2^32 (epoch milliseconds) keep their high bits too.
    const high = Math.floor(part / 0x1_0000_0000);
    if (high !== 0) h ^= Math.imul(high | 0, 0x85ebca6b);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a text, for seeding from names. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal deviate. */
  normal(): number;
  /** Log-normal value with the given median, clamped to [min, max] and rounded. */
  logNormal(median: number, sigma: number, min: number, max: number): number;
  hex(length: number): string;
}

/** Mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => itemAt(items, Math.floor(next() * items.length)),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma, min, max) => {
      const value = Math.round(median * Math.exp(sigma * rng.normal()));
      return Math.min(max, Math.max(min, value));
    },
    hex: (length) => {
      let out = "";
      while (out.length < length)
        out += Math.floor(next() * 0x1_0000_0000)
          .toString(16)
          .padStart(8, "0");
      return out.slice(0, length);
    },
  };
  return rng;
}

/** The item at an index that the caller knows is in range; throws instead of returning undefined. */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`index ${index} outside a list of ${items.length}`);
  return item;
}

/** A weighted choice prepared once and drawn many times. */
export interface WeightedTable<T> {
  draw(rng: Rng): T;
  readonly items: readonly T[];
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error("a weighted table needs a positive total weight");
  return {
    items,
    draw(rng) {
      const target = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (itemAt(cumulative, mid) > target) hi = mid;
        else lo = mid + 1;
      }
      return itemAt(items, lo);
    },
  };
}
