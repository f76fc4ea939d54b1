import "server-only";

import type { DatabaseHandle, DatabaseKind } from "./database";
import { describeDatabaseError } from "./errors";

/**
 * The database's part of `/api/health`. A check is one `select 1`. Embedded PGlite has a
 * single connection, so while a big query runs the check waits behind it: health then
 * answers at once with the last result and how long the current check has waited,
 * instead of stalling (health must answer within its budget while big queries run).
 */

export interface DatabaseHealth {
  kind: DatabaseKind;
  ok: boolean;
  /** The last completed check's round trip, in ms; null before the first. */
  latencyMs: number | null;
  /** When that check completed (ISO 8601). */
  checkedAt: string | null;
  /** How long the check still in progress has waited, in ms (a busy or stuck database). */
  waitingMs?: number;
  /** Why it is not ok: a sentence free of credentials. */
  error?: string;
}

export interface HealthProbeOptions {
  kind: DatabaseKind;
  /** Secrets that must not appear in an error (DATABASE_URL, its password). */
  secrets?: readonly string[];
  /** How long a request waits for the check it started (default 50 ms). */
  waitMs?: number;
  /** A check pending this long makes the database not ok (default 10 s). */
  unresponsiveAfterMs?: number;
  now?: () => number;
}

interface Outcome {
  ok: boolean;
  latencyMs: number | null;
  at: number;
  error?: string;
}

export function createHealthProbe(
  getHandle: () => Promise<DatabaseHandle>,
  options: HealthProbeOptions,
): { check(): Promise<DatabaseHealth> } {
  const now = options.now ?? (() => performance.timeOrigin + performance.now());
  const waitMs = options.waitMs ?? 50;
  const unresponsiveAfterMs = options.unresponsiveAfterMs ?? 10_000;
  let last: Outcome | undefined;
  let pending: { startedAt: number; done: Promise<void> } | undefined;

  const run = async (): Promise<void> => {
    try {
      const handle = await getHandle();
      const started = now();
      await handle.ping();
      last = { ok: true, latencyMs: now() - started, at: now() };
    } catch (error) {
      last = {
        ok: false,
        latencyMs: null,
        at: now(),
        error: describeDatabaseError(error, options.secrets),
      };
    }
  };

  const report = (): DatabaseHealth => {
    const waitingMs = pending ? now() - pending.startedAt : undefined;
    const stuck = waitingMs !== undefined && waitingMs >= unresponsiveAfterMs;
    const health: DatabaseHealth = {
      kind: options.kind,
      ok: (last?.ok ?? false) && !stuck,
      latencyMs: last?.latencyMs === null || !last ? null : Math.round(last.latencyMs * 100) / 100,
      checkedAt: last ? new Date(last.at).toISOString() : null,
    };
    if (waitingMs !== undefined) health.waitingMs = Math.round(waitingMs);
    if (stuck) health.error = `the database has not answered for ${Math.round(waitingMs / 1000)} s`;
    else if (last && !last.ok) health.error = last.error;
    else if (!last) health.error = "the database is opening";
    return health;
  };

  return {
    async check() {
      if (pending) return report();
      const started = { startedAt: now(), done: Promise.resolve() };
      pending = started;
      started.done = run().finally(() => {
        if (pending === started) pending = undefined;
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        started.done,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
      ]);
      clearTimeout(timer);
      return report();
    },
  };
}
