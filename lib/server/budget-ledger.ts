import "server-only";

import type { UpstreamPurpose } from "@/lib/db/schema/call-store";

export type { UpstreamPurpose };

/**
 * The upstream budget as a ledger of request starts that the governor asks before each
 * request: in memory for one process, or in PostgreSQL shared by every instance
 * (lib/store/budget/), so that N instances together stay within the account's limit.
 * Each purpose may start while the window holds fewer starts than its ceiling: people and
 * the sync up to the whole budget, the backfill only up to its share, so that it stops
 * while people need the budget.
 */
export interface BudgetLedger {
  /** Records a start for `purpose` if the window has room; otherwise how long until it may. */
  claim(purpose: UpstreamPurpose): Promise<BudgetClaim>;
  /** Starts in the current window (every instance sharing the ledger). */
  usage(): Promise<BudgetUsage>;
}

export type BudgetClaim = { granted: true } | { granted: false; retryInMs: number };

export interface BudgetUsage {
  limit: number;
  windowMs: number;
  used: number;
  byPurpose: Record<UpstreamPurpose, number>;
}

export interface BudgetPolicy {
  /** Starts allowed in any window (the account's 30 a minute, or VOICENTER_RATE_LIMIT). */
  limit: number;
  windowMs: number;
  /** The backfill starts only while the window holds fewer than this many (default half). */
  backfillCeiling: number;
}

export function budgetPolicy(limit: number, windowMs = 61_000): BudgetPolicy {
  const whole = Math.max(1, Math.floor(limit));
  return { limit: whole, windowMs, backfillCeiling: Math.max(1, Math.floor(whole / 2)) };
}

export function ceilingFor(policy: BudgetPolicy, purpose: UpstreamPurpose): number {
  return purpose === "backfill" ? policy.backfillCeiling : policy.limit;
}

/**
 * The decision both ledgers make, over the start times in the window (ascending): granted,
 * or the wait until enough of them have left it.
 */
export function decideClaim(
  policy: BudgetPolicy,
  purpose: UpstreamPurpose,
  startsInWindow: readonly number[],
  at: number,
): BudgetClaim {
  const ceiling = ceilingFor(policy, purpose);
  if (startsInWindow.length < ceiling) return { granted: true };
  const leaving = startsInWindow[startsInWindow.length - ceiling] ?? at;
  return { granted: false, retryInMs: Math.max(1, leaving + policy.windowMs - at) };
}

export function emptyUsage(policy: BudgetPolicy): BudgetUsage {
  return {
    limit: policy.limit,
    windowMs: policy.windowMs,
    used: 0,
    byPurpose: { interactive: 0, sync: 0, backfill: 0 },
  };
}

/** One process's ledger: no other instance to share with (embedded database, tests). */
export function createMemoryLedger(
  policy: BudgetPolicy,
  now: () => number = Date.now,
): BudgetLedger {
  const starts: { at: number; purpose: UpstreamPurpose }[] = [];
  const prune = (at: number) => {
    while (starts.length > 0 && (starts[0]?.at ?? at) <= at - policy.windowMs) starts.shift();
  };
  return {
    claim(purpose) {
      const at = now();
      prune(at);
      const decision = decideClaim(
        policy,
        purpose,
        starts.map((s) => s.at),
        at,
      );
      if (decision.granted) starts.push({ at, purpose });
      return Promise.resolve(decision);
    },
    usage() {
      prune(now());
      const usage = emptyUsage(policy);
      for (const start of starts) {
        usage.used++;
        usage.byPurpose[start.purpose]++;
      }
      return Promise.resolve(usage);
    },
  };
}
