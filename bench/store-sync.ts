import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

import type { DatabaseHandle } from "@/lib/db/database";
import { openPglite } from "@/lib/db/pglite/open";
import { openPostgres } from "@/lib/db/postgres/open";
import { fetchAllCalls } from "@/lib/server/fetch-all-calls";
import { createGovernor } from "@/lib/server/governor";
import { createLogger } from "@/lib/server/log";
import { createUpstreamRequester } from "@/lib/server/upstream-requests";
import { finishFetch } from "@/lib/store/coverage";
import { runSweep, runSyncCycle } from "@/lib/store/sync";
import { upsertCalls } from "@/lib/store/write";
import { DAY_MS } from "@/lib/time/units";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import { simulatorUpstreamAt, storeHarness, testClock } from "@/testing/store/harness";

import { startPostgres, type ThrowawayPostgres } from "../scripts/ensure-postgres.mjs";
import { count, figure, note, seconds, type Section } from "./report";
import { BENCH_CODE, startCountingSimulator } from "./server/counting-simulator";
import { fillStore } from "./store/fill";

/**
 * The call store's sync: write throughput into PGlite (worker thread, as the server runs
 * it) and PostgreSQL, the upstream requests the sync spends in an hour at the default
 * interval, and how long the default backfill (90 days) takes for a 3,000-a-day and a
 * 10,000-a-day center — its processing, and its time within its share of the budget.
 */

const NOW = Date.UTC(2024, 5, 20, 9);
const BACKFILL_SHARE_PER_MINUTE = 15;

async function postgresDatabase(server: ThrowawayPostgres, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  return server.url.replace(/\/postgres$/, `/${name}`);
}

async function withBackends<T>(
  work: (label: string, open: () => Promise<DatabaseHandle>) => Promise<T>,
) {
  const results: T[] = [];
  const dir = mkdtempSync(join(tmpdir(), "callboard-bench-store-"));
  try {
    results.push(
      await work("PGlite (worker thread)", () => openPglite({ dataDir: join(dir, "pglite") })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgres();
  try {
    const url = await postgresDatabase(server, "bench_store_sync");
    results.push(await work("PostgreSQL", () => openPostgres({ url })));
  } finally {
    server.stop();
  }
  return results;
}

export const storeSyncSection: Section = {
  title: "10. Call store: sync throughput, requests per hour, the default backfill",
  async run() {
    const lines: string[] = [];
    const sim = await startCountingSimulator({
      callsPerDay: 10_000,
      now: () => NOW,
      rateLimit: 100_000,
    });
    try {
      // ~70,000 calls fetched once, then written into each database as the sync writes them
      const upstream = {
        ...simulatorUpstreamAt(sim.cdrUrl, BENCH_CODE),
        rateLimitPerMinute: 100_000,
      };
      const fetcher = createUpstreamRequester({
        upstream,
        governor: createGovernor({ rateLimitPerMinute: 100_000, now: () => NOW }),
        logger: createLogger({ level: "silent" }),
      });
      const span = { from: NOW - 8 * DAY_MS, to: NOW - DAY_MS };
      const fetched = await fetchAllCalls(
        { fetchPage: fetcher.forPurpose("sync"), now: () => NOW },
        { from: span.from, to: span.to, fields: [...FIELD_NAMES] },
      );
      lines.push(
        note(`${count(fetched.calls.length)} calls of a 10,000-a-day center, fetched once`),
      );
      await withBackends(async (label, open) => {
        const handle = await open();
        try {
          const started = performance.now();
          await upsertCalls(handle.db, fetched.calls, NOW);
          await finishFetch(handle.db, {
            filterKey: "",
            span,
            fetchedAt: NOW,
            complete: true,
            replace: true,
          });
          const writeMs = performance.now() - started;
          const again = performance.now();
          await upsertCalls(handle.db, fetched.calls, NOW + 1);
          const upsertMs = performance.now() - again;
          lines.push(
            figure(
              `${label}: write`,
              `${count(Math.round(fetched.calls.length / (writeMs / 1000)))} calls/s`,
            ),
            figure(
              `${label}: upsert of the same calls`,
              `${count(Math.round(fetched.calls.length / (upsertMs / 1000)))} calls/s`,
            ),
          );
          // four hours of sync at the default interval, on a clock that moves a minute a
          // cycle: the last hour is the steady state (the sweep settles the hour 3 h back)
          const clock = testClock(NOW);
          const harness = storeHarness({ handle, upstream, clock });
          await runSyncCycle(harness.ctx);
          let lastHour = 0;
          for (let minute = 1; minute <= 4 * 60; minute++) {
            if (minute === 3 * 60 + 1) lastHour = harness.upstreamRequests();
            clock.advance(60_000);
            await runSyncCycle(harness.ctx);
            if (minute % 60 === 0) await runSweep(harness.ctx);
          }
          lines.push(
            figure(
              `${label}: upstream requests per hour by sync`,
              count(harness.upstreamRequests() - lastHour),
              { text: "61 (1 a minute + the sweep) of 1,800", within: undefined },
            ),
          );
          await harness.close();
        } finally {
          await handle.close();
        }
      });
    } finally {
      await sim.server.close();
    }

    for (const perDay of [3_000, 10_000]) {
      const center = await startCountingSimulator({
        callsPerDay: perDay,
        now: () => NOW,
        rateLimit: 100_000,
      });
      const dir = mkdtempSync(join(tmpdir(), "callboard-bench-backfill-"));
      try {
        const handle = await openPglite({ dataDir: join(dir, "pglite") });
        const filled = await fillStore({
          handle,
          upstreamUrl: center.cdrUrl,
          code: BENCH_CODE,
          now: NOW,
          days: 90,
        });
        await handle.close();
        const budgetMs = (filled.requests / BACKFILL_SHARE_PER_MINUTE) * 60_000;
        lines.push(
          note(
            `${count(perDay)} calls a weekday, 90 days: ${count(filled.calls)} calls in ${count(filled.requests)} requests (${count(Math.round(filled.calls / filled.requests))} a request)`,
          ),
          figure("backfill processing (PGlite)", seconds(filled.ms)),
          figure("backfill within its share (15 a minute)", seconds(Math.max(filled.ms, budgetMs))),
        );
      } finally {
        await center.server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return lines;
  },
};
