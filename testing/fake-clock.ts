/**
 * A clock for tests: `sleep` moves time forward instead of waiting, so code that waits for
 * a rate-limit window runs instantly and deterministically. Intended for code with one
 * sleeper at a time (the governor's queue pump).
 */
export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  advance: (ms: number) => void;
  /** Every sleep asked for, in order. */
  sleeps: number[];
}

export function createFakeClock(start = Date.UTC(2024, 5, 12, 9, 0, 0)): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += Math.max(0, ms);
      await Promise.resolve();
    },
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
  };
}
