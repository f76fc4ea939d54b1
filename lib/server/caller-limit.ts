/**
 * A per-caller budget in a rolling window: `limit` takes per `windowMs` for each owner key
 * (a user, a token, a peer address — see caller-key.ts). Pure apart from the injected clock.
 * Bounded in memory: callers whose window is empty are forgotten.
 */
export interface CallerLimiter {
  /** Takes one from `owner`'s budget, or says how long until one is free again. */
  take(owner: string): { ok: true } | { ok: false; retryAfterMs: number };
}

export interface CallerLimiterOptions {
  limit: number;
  windowMs?: number;
  now?: () => number;
  /** Past this many remembered callers, the idle ones are dropped. */
  maxCallers?: number;
}

export function createCallerLimiter(options: CallerLimiterOptions): CallerLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxCallers = options.maxCallers ?? 10_000;
  const taken = new Map<string, number[]>();

  const recent = (owner: string, at: number) =>
    (taken.get(owner) ?? []).filter((t) => t > at - windowMs);

  return {
    take(owner) {
      const at = now();
      const times = recent(owner, at);
      if (times.length >= options.limit) {
        taken.set(owner, times);
        return { ok: false, retryAfterMs: (times[0] ?? at) + windowMs - at };
      }
      times.push(at);
      taken.set(owner, times);
      if (taken.size > maxCallers) {
        for (const key of taken.keys()) if (recent(key, at).length === 0) taken.delete(key);
      }
      return { ok: true };
    },
  };
}
