import { generateDay, locateCallId, type GeneratorOptions } from "./generate-day";
import type { SimCall } from "./sim-call";

/**
 * Generated days, kept in a small least-recently-used cache so months of history cost no
 * memory: a day evicted is simply generated again (identically) when asked for.
 */
export interface CallStore {
  /** The calls of a UTC day (days since the epoch), sorted by start time. */
  day(dayIndex: number): readonly SimCall[];
  findCall(callId: string): SimCall | undefined;
  /** How many days are held right now (for memory checks). */
  cachedDays(): number;
}

export interface CallStoreOptions extends GeneratorOptions {
  /** Most days kept. */
  maxDays?: number;
  /** Most calls kept across the cached days (high callsPerDay settings hold fewer days). */
  maxCalls?: number;
}

export const DEFAULT_CACHED_DAYS = 64;
// About half a kilobyte per call: ~50 MB at most, some 40 days of the default volume.
export const DEFAULT_CACHED_CALLS = 100_000;

export function createCallStore({
  maxDays = DEFAULT_CACHED_DAYS,
  maxCalls = DEFAULT_CACHED_CALLS,
  ...generator
}: CallStoreOptions): CallStore {
  const days = new Map<number, readonly SimCall[]>();
  let heldCalls = 0;

  const day = (dayIndex: number): readonly SimCall[] => {
    const hit = days.get(dayIndex);
    if (hit) {
      // Re-inserting moves the day to the most-recent end of the Map's order.
      days.delete(dayIndex);
      days.set(dayIndex, hit);
      return hit;
    }
    const calls = generateDay(generator, dayIndex);
    days.set(dayIndex, calls);
    heldCalls += calls.length;
    for (const [oldest, oldCalls] of days) {
      if (days.size <= 1 || (days.size <= maxDays && heldCalls <= maxCalls)) break;
      days.delete(oldest);
      heldCalls -= oldCalls.length;
    }
    return calls;
  };

  return {
    day,
    findCall(callId) {
      const where = locateCallId(callId);
      if (!where) return undefined;
      const call = day(where.dayIndex)[where.index];
      return call?.callId === callId ? call : undefined;
    },
    cachedDays: () => days.size,
  };
}
