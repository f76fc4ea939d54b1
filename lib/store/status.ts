import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import type { BudgetUsage } from "@/lib/server/budget-ledger";
import type { UpstreamOutcome } from "@/lib/server/upstream-requests";

import { healthyLagMs, type StoreSettings } from "./context";
import { readSyncState, type SyncState } from "./sync-state";

/**
 * The store's part of /api/health and of the admin page: is the upstream reachable (and
 * which of our addresses it refused), how much of this minute's budget is used, how far
 * behind the sync is and how it last failed, and what the store covers. Read from the
 * database in the background: health answers at once with the last reading when a long
 * query holds the embedded database.
 */

export interface UpstreamHealth {
  /** null until this instance or the sync has asked the upstream anything. */
  reachable: boolean | null;
  lastAnswerAt: string | null;
  error?: string;
  /** The address the upstream named when it refused us (its error 4: put it on its trusted list). */
  refusedIp?: string;
}

export interface SyncHealth {
  enabled: boolean;
  /** This instance syncs. */
  leading?: boolean;
  leader?: string;
  syncedTo?: string | null;
  lagSeconds?: number | null;
  healthy?: boolean;
  lastSuccessAt?: string | null;
  lastErrorAt?: string | null;
  lastError?: string;
}

export interface CoverageHealth {
  enabled: boolean;
  /** The whole account's covered time, oldest to newest edge. */
  from?: string | null;
  to?: string | null;
  coveredHours?: number;
  backfill?: { days: number; done: boolean; remainingHours: number };
}

export interface StoreHealthReport {
  upstream: UpstreamHealth;
  budget: BudgetUsage & { windowSeconds: number };
  sync: SyncHealth;
  coverage: CoverageHealth;
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const IP_IN_MESSAGE = /IP address \(([^)]+)\)/;

export function upstreamHealth(
  local: UpstreamOutcome | undefined,
  state: SyncState | undefined,
): UpstreamHealth {
  // the most recent word about the upstream, from this instance or from the sync
  const syncOk = state?.lastSuccessAt ?? 0;
  const syncError = state?.lastErrorAt ?? 0;
  const syncAt = Math.max(syncOk, syncError);
  if (local && local.at >= syncAt) {
    const health: UpstreamHealth = {
      reachable: local.reachable,
      lastAnswerAt: local.reachable ? iso(local.at) : null,
    };
    if (!local.ok && local.message) health.error = local.message;
    if (local.refusedIp) health.refusedIp = local.refusedIp;
    return health;
  }
  if (syncAt === 0) return { reachable: null, lastAnswerAt: null };
  if (syncOk >= syncError) return { reachable: true, lastAnswerAt: iso(syncOk) };
  const message = state?.lastError ?? "the sync failed";
  const health: UpstreamHealth = {
    reachable: !/could not reach|did not answer/i.test(message),
    lastAnswerAt: iso(state?.lastSuccessAt),
    error: message,
  };
  const ip = IP_IN_MESSAGE.exec(message)?.[1];
  if (ip) health.refusedIp = ip;
  return health;
}

export interface StoreReading {
  state: SyncState;
  coverage: { from: number | null; to: number | null; coveredMs: number };
}

export async function readStore(db: Database): Promise<StoreReading> {
  const state = await readSyncState(db);
  const { rows } = await db.execute<{
    from_ms: number | null;
    to_ms: number | null;
    covered: number | null;
  }>(sql`
    select extract(epoch from min(from_at))::float8 * 1000 as from_ms,
      extract(epoch from max(to_at))::float8 * 1000 as to_ms,
      sum(extract(epoch from to_at - from_at))::float8 * 1000 as covered
    from call_coverage where filter_key = '' and complete`);
  const row = rows[0];
  return {
    state,
    coverage: { from: row?.from_ms ?? null, to: row?.to_ms ?? null, coveredMs: row?.covered ?? 0 },
  };
}

export function syncHealth(
  reading: StoreReading | undefined,
  settings: StoreSettings,
  leading: boolean,
  now: number,
): SyncHealth {
  if (!reading) return { enabled: true, leading };
  const s = reading.state;
  const lag = s.syncedTo === undefined ? null : Math.max(0, now - s.syncedTo);
  const health: SyncHealth = {
    enabled: true,
    leading,
    syncedTo: iso(s.syncedTo),
    lagSeconds: lag === null ? null : Math.round(lag / 1000),
    healthy: lag !== null && lag <= healthyLagMs(settings),
    lastSuccessAt: iso(s.lastSuccessAt),
    lastErrorAt: iso(s.lastErrorAt),
  };
  if (s.leader) health.leader = s.leader;
  if (s.lastError && (s.lastErrorAt ?? 0) >= (s.lastSuccessAt ?? 0)) health.lastError = s.lastError;
  return health;
}

export function coverageHealth(
  reading: StoreReading | undefined,
  settings: StoreSettings,
): CoverageHealth {
  if (!reading) return { enabled: true };
  const backfill = reading.state.backfill;
  return {
    enabled: true,
    from: reading.coverage.from === null ? null : new Date(reading.coverage.from).toISOString(),
    to: reading.coverage.to === null ? null : new Date(reading.coverage.to).toISOString(),
    coveredHours: Math.round(reading.coverage.coveredMs / 36_000) / 100,
    backfill: {
      days: settings.backfillDays,
      done: settings.backfillDays === 0 || (backfill?.done ?? false),
      remainingHours:
        Math.round((backfill?.remainingMs ?? settings.backfillDays * 86_400_000) / 36_000) / 100,
    },
  };
}

/**
 * The last reading, refreshed in the background; a caller waits at most `waitMs` for a
 * fresh one (the embedded database may be busy with a long query).
 */
export function createReadingProbe<T>(load: () => Promise<T>, waitMs = 40, maxAgeMs = 2_000) {
  let last: { at: number; value: T } | undefined;
  let pending: Promise<void> | undefined;
  const refresh = () =>
    (pending ??= load()
      .then((value) => {
        last = { at: Date.now(), value };
      })
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      }));
  return {
    async read(): Promise<T | undefined> {
      if (!last || Date.now() - last.at > maxAgeMs) {
        const fresh = refresh();
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([fresh, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
        clearTimeout(timer);
      }
      return last?.value;
    },
  };
}
