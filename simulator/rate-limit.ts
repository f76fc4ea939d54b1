/** Requests per rolling minute per account, as the upstream counts them. */
export interface RateLimiter {
  /** Records the request and says whether it is within the limit (a refused one is not counted). */
  admit(key: string): boolean;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(limit: () => number, now: () => number): RateLimiter {
  const admitted = new Map<string, number[]>();
  return {
    admit(key) {
      const at = now();
      const recent = (admitted.get(key) ?? []).filter((t) => t > at - WINDOW_MS);
      if (recent.length >= limit()) {
        admitted.set(key, recent);
        return false;
      }
      recent.push(at);
      admitted.set(key, recent);
      return true;
    },
  };
}
