import "server-only";

/**
 * Whether the database holds local users, shared by proxy.ts and the route handlers. Next
 * bundles the two apart (each gets its own copy of a module) in one process, so the state
 * lives on globalThis; the handlers' side registers how to count (it has the database), and
 * the proxy, which must not load the database, only reads it.
 */
export interface LocalUsersState {
  count: number | undefined;
  checkedAt: number;
  count$?: () => Promise<number>;
  pending?: Promise<number>;
}

const slot = Symbol.for("callboard.local-users");
const registry = globalThis as { [slot]?: LocalUsersState };

function state(): LocalUsersState {
  return (registry[slot] ??= { count: undefined, checkedAt: 0 });
}

/** While none exist, look again at most this often: an admin may be added meanwhile (PostgreSQL). */
const RECHECK_MS = 5_000;

/** The handlers' side: how to count local users (and the first count, if known). */
export function registerLocalUsersCounter(counter: () => Promise<number>, count?: number): void {
  const s = state();
  s.count$ = counter;
  if (count !== undefined) {
    s.count = count;
    s.checkedAt = Date.now();
  }
}

/** A user was just added (or removed): the next read counts again. */
export function localUsersChanged(count?: number): void {
  const s = state();
  s.count = count;
  s.checkedAt = count === undefined ? 0 : Date.now();
}

/**
 * The number of local users, re-counted while it is 0 (every 5 s at most) and kept once
 * some exist (users are disabled, never deleted). 0 when nobody registered a counter.
 */
export async function localUserCount(now = Date.now()): Promise<number> {
  const s = state();
  if (s.count !== undefined && (s.count > 0 || now - s.checkedAt < RECHECK_MS)) return s.count;
  if (!s.count$) return s.count ?? 0;
  s.pending ??= s.count$().finally(() => (s.pending = undefined));
  try {
    const count = await s.pending;
    s.count = count;
    s.checkedAt = now;
    return count;
  } catch {
    // the database is unreachable: the last count, or none (closed) until it answers
    return s.count ?? 0;
  }
}
