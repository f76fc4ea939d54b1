import "server-only";

import { sql } from "drizzle-orm";

import type { AdminSyncReport } from "@/lib/api/admin-sync";
import { getDatabase } from "@/lib/db";
import { serverEnv } from "@/lib/server/env";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";

import { readCoverage } from "./coverage";
import { at } from "./filter";
import { storeHealthReport } from "./health";
import { getCallStore, storeSettingsFromEnv } from "./process";
import { readSyncState } from "./sync-state";

/** The admin sync page's report: health, coverage over time, requests per hour, last errors. */

const HOURS_SHOWN = 48;
const ERRORS_SHOWN = 20;
const SPANS_SHOWN = 500;

const iso = (ms: number) => new Date(ms).toISOString();

export async function adminSyncReport(now = Date.now()): Promise<AdminSyncReport> {
  const env = serverEnv();
  const settings = storeSettingsFromEnv(env);
  const store = getCallStore();
  const health = await storeHealthReport(now);
  const db = await getDatabase();
  const horizon = now - Math.max(settings.backfillDays, 1) * DAY_MS;
  const [state, spans, hours, errors] = await Promise.all([
    readSyncState(db),
    store ? readCoverage(db, [""], { from: horizon - 7 * DAY_MS, to: now }) : Promise.resolve([]),
    db.execute<{ hour: string; purpose: string; n: number; failed: number }>(sql`
      select to_char(date_trunc('hour', at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"') as hour,
        purpose, count(*)::float8 as n, count(*) filter (where outcome <> 'ok')::float8 as failed
      from upstream_request where at >= ${at(now - HOURS_SHOWN * HOUR_MS)}
      group by 1, 2 order by 1`),
    db.execute<{
      at: Date | string;
      purpose: string;
      outcome: string;
      error: string | null;
      from_at: Date | string | null;
      to_at: Date | string | null;
    }>(sql`
      select at, purpose, outcome, error, from_at, to_at from upstream_request
      where outcome <> 'ok' order by at desc limit ${ERRORS_SHOWN}`),
  ]);
  const perHour = new Map<string, AdminSyncReport["requestsPerHour"][number]>();
  for (const row of hours.rows) {
    const entry = perHour.get(row.hour) ?? {
      hour: row.hour,
      sync: 0,
      backfill: 0,
      interactive: 0,
      failed: 0,
    };
    if (row.purpose === "sync" || row.purpose === "backfill" || row.purpose === "interactive") {
      entry[row.purpose] += Number(row.n);
    }
    entry.failed += Number(row.failed);
    perHour.set(row.hour, entry);
  }
  const toIso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  return {
    now: iso(now),
    enabled: store !== undefined,
    settings: {
      syncIntervalSeconds: settings.syncIntervalMs / 1000,
      overlapMinutes: settings.overlapMs / 60_000,
      backfillDays: settings.backfillDays,
      retentionDays: settings.retentionDays,
    },
    upstream: health.upstream,
    budget: {
      limit: health.budget.limit,
      used: health.budget.used,
      windowSeconds: health.budget.windowSeconds,
      byPurpose: health.budget.byPurpose,
    },
    sync: health.sync,
    backfill: {
      done: settings.backfillDays === 0 || (state.backfill?.done ?? false),
      remainingHours: Math.round((state.backfill?.remainingMs ?? 0) / 36_000) / 100,
      horizon: state.backfill ? iso(state.backfill.horizon) : null,
    },
    coverage: spans.slice(-SPANS_SHOWN).map((s) => ({
      from: iso(s.from),
      to: iso(s.to),
      fetchedAt: iso(s.fetchedAt),
      complete: s.complete,
      settled: s.settled,
    })),
    requestsPerHour: [...perHour.values()],
    errors: errors.rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      purpose: row.purpose,
      outcome: row.outcome,
      error: row.error ?? row.outcome,
      from: toIso(row.from_at),
      to: toIso(row.to_at),
    })),
  };
}
