import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import pg from "pg";

import { adminSyncReportSchema } from "@/lib/api/admin-sync";
import { DAY_MS } from "@/lib/time/units";

import { startPostgres } from "../scripts/ensure-postgres.mjs";
import { assertBuilt, startApp, type RunningApp } from "./load/app";
import { count, errorText, figure, ms, note, percentile, seconds } from "./report";
import {
  BENCH_CODE,
  startCountingSimulator,
  type CountingSimulator,
} from "./server/counting-simulator";

/**
 * `npm run load`: 200 concurrent clients over 20 distinct views for 60 s, against Callboard
 * as production runs it (the standalone build, `npx next build` first) in live mode against
 * the simulator over HTTP with the upstream's own limit (30 a minute) — once one instance
 * on the embedded database has synced, and once two instances sharing PostgreSQL have.
 * Figures: latency p50/p99, errors, upstream requests made for the views (0 expected), and
 * the simulator's busiest minute, sync included (≤ 30).
 */

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLIENTS = 200;
const DURATION_S = Number(process.env.LOAD_DURATION_S ?? 60);
const BACKFILL_DAYS = 7;

const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

/** 20 views of the last week, as the dashboard asks for them (days, filters, columns). */
function views(sim: CountingSimulator, now: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  const range = (from: number, to: number) => `/api/calls?from=${iso(from)}&to=${iso(to)}`;
  const week = range(today - 6 * DAY_MS, today + DAY_MS);
  const sample = sim.server.simulator.store.day(Math.floor(now / DAY_MS) - 1);
  const exts = [...new Set(sample.filter((c) => c.agent).map((c) => c.targetExtension))].slice(
    0,
    3,
  );
  const dids = [...new Set(sample.map((c) => c.did).filter((d) => d.length > 5))].slice(0, 2);
  const kpis = "fields=Date,Duration,RingTime,DialStatus,CdrType,QueueName,RepresentativeName";
  return [
    ...Array.from({ length: 7 }, (_, d) => range(today - d * DAY_MS, today - (d - 1) * DAY_MS)),
    `${week}&${kpis}`,
    `${week}&type=8&${kpis}`,
    `${week}&type=1,8`,
    `${range(today - 2 * DAY_MS, today + DAY_MS)}&type=4`,
    ...exts.map((ext) => `${week}&ext=${ext}`),
    ...dids.map((did) => `${week}&phone=${did}`),
    `${range(today - DAY_MS, today)}&${kpis}`,
    `${range(today - 2 * DAY_MS, today)}&type=1`,
    `${range(today - 3 * DAY_MS, today - 2 * DAY_MS)}&fields=Duration`,
  ].slice(0, 20);
}

async function syncReport(app: RunningApp): Promise<unknown> {
  const response = await fetch(`${app.origin}/api/admin/sync`, { headers: app.headers });
  if (!response.ok) throw new Error(`/api/admin/sync answered HTTP ${response.status}`);
  return response.json();
}

async function synced(apps: RunningApp[]): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const reports = await Promise.all(
      apps.map(async (app) => adminSyncReportSchema.parse(await syncReport(app))),
    );
    if (reports.every((r) => r.backfill.done && r.sync.healthy)) return;
    if (Date.now() > deadline) throw new Error("not synced within 10 minutes");
    await sleep(2_000);
  }
}

async function interactiveRequests(app: RunningApp): Promise<number> {
  const report = adminSyncReportSchema.parse(await syncReport(app));
  return report.requestsPerHour.reduce((sum, h) => sum + h.interactive, 0);
}

function run(
  apps: RunningApp[],
  paths: string[],
): Promise<{ result: Result; fromUpstream: number }> {
  let fromUpstream = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: apps.map((a) => a.origin),
        headers: { ...apps[0]?.headers },
        connections: CLIENTS,
        duration: DURATION_S,
        timeout: 30,
        requests: paths.map((path) => ({
          path,
          onResponse: (_status, body) => {
            const at = body.lastIndexOf('"upstreamRequests":');
            if (at >= 0 && body[at + 19] !== "0") fromUpstream++;
          },
        })),
      },
      (error, result) => (error ? reject(error) : resolve({ result, fromUpstream })),
    );
  });
}

/** The most requests the simulator received in any 60 s. */
function busiestMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 60_000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

async function scenario(
  label: string,
  apps: RunningApp[],
  sim: CountingSimulator,
): Promise<string[]> {
  const startedSync = performance.now();
  await synced(apps);
  const syncMs = performance.now() - startedSync;
  const paths = views(sim, Date.now());
  const before = await Promise.all(apps.map(interactiveRequests));
  const simBefore = sim.requestTimes.length;
  const { result, fromUpstream } = await run(apps, paths);
  await sleep(3_000); // the request log is written a moment later
  const after = await Promise.all(apps.map(interactiveRequests));
  const forViews = after.reduce((s, n, i) => s + n - (before[i] ?? 0), 0);
  const errors = result.errors + result.timeouts + result.non2xx;
  return [
    note(
      `${label}: synced (${BACKFILL_DAYS} days) ${seconds(syncMs)} after start; ${CLIENTS} clients over ${paths.length} views for ${DURATION_S} s`,
    ),
    figure(
      "requests answered",
      `${count(result.requests.total)} (${count(Math.round(result.requests.average))}/s)`,
    ),
    figure("latency p50 / p99", `${ms(result.latency.p50)} / ${ms(result.latency.p99)}`),
    figure("errors (failed, timeouts, non-2xx)", count(errors), {
      text: "0",
      within: errors === 0,
    }),
    figure("upstream requests for the views", count(forViews + fromUpstream), {
      text: "0",
      within: forViews + fromUpstream === 0,
    }),
    figure("upstream requests meanwhile (the sync's)", count(sim.requestTimes.length - simBefore)),
    figure("throughput", `${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s`),
  ];
}

async function main(): Promise<void> {
  assertBuilt(ROOT);
  console.log(`Callboard load — ${new Date().toISOString()}, node ${process.version}`);
  const sim = await startCountingSimulator({ rateLimit: 30 });
  const lines: string[] = [];
  const env = {
    VOICENTER_CODE: BENCH_CODE,
    VOICENTER_API_URL: sim.cdrUrl,
    CALLBOARD_BACKFILL_DAYS: String(BACKFILL_DAYS),
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), "callboard-load-"));
    const one = await startApp(ROOT, { ...env, CALLBOARD_DATA_DIR: dir, DATABASE_URL: "" });
    try {
      lines.push(...(await scenario("one instance, embedded database", [one], sim)));
    } finally {
      await one.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const server = await startPostgres();
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query("create database load_store");
      await client.end();
      const url = server.url.replace(/\/postgres$/, "/load_store");
      const apps = await Promise.all([
        startApp(ROOT, { ...env, DATABASE_URL: url }),
        startApp(ROOT, { ...env, DATABASE_URL: url }),
      ]);
      try {
        lines.push(...(await scenario("two instances sharing PostgreSQL", apps, sim)));
      } finally {
        await Promise.all(apps.map((a) => a.stop()));
      }
    } finally {
      server.stop();
    }
    const busiest = busiestMinute(sim.requestTimes);
    lines.push(
      figure("simulator: busiest minute, sync included", count(busiest), {
        text: "≤ 30",
        within: busiest <= 30,
      }),
      note(
        `${count(sim.requestTimes.length)} upstream requests in all; median gap ${ms(
          percentile(
            sim.requestTimes.slice(1).map((t, i) => t - (sim.requestTimes[i] ?? t)),
            50,
          ),
        )}`,
      ),
    );
  } catch (error) {
    lines.push(`   failed: ${errorText(error)}`);
  } finally {
    await sim.server.close();
  }
  for (const line of lines) console.log(line);
}

void main().finally(() => setTimeout(() => process.exit(0), 1000).unref());
