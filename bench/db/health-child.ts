import { createServer } from "node:http";
import { sql } from "drizzle-orm";

import type { DatabaseHandle } from "@/lib/db/database";
import { describeDatabaseError } from "@/lib/db/errors";
import { createHealthProbe } from "@/lib/db/health";
import { openPglite } from "@/lib/db/pglite/open";
import { openPostgres } from "@/lib/db/postgres/open";

import type { BackendName, ChildMessage, ParentMessage } from "./protocol";

/**
 * One back-end of the database health benchmark, in a process of its own so the database
 * shares the event loop with a real HTTP server, as in `next start`. Opens the database
 * (first open, then reopen), loads BENCH_ROWS synthetic calls, serves GET /health with the
 * same probe as /api/health, and runs the big GROUP BY when the parent asks.
 */

const backend = process.argv[2] as BackendName;
const rows = Number(process.env.BENCH_ROWS ?? 2_000_000);

function send(message: ChildMessage): void {
  process.send?.(message);
}

function open(): Promise<DatabaseHandle> {
  if (backend === "postgres") return openPostgres({ url: process.env.BENCH_DATABASE_URL ?? "" });
  return openPglite({
    dataDir: process.env.BENCH_DATA_DIR,
    thread: backend === "pglite-main" ? "main" : "worker",
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

// Deterministic synthetic calls: 40 agents, 12 queues, 90 days, durations 0–599 s.
const LOAD = sql.raw(`
  create table bench_call as
  select i as id, i % 40 as agent, (i * 7) % 12 as queue,
         timestamptz '2026-01-01' + ((i::bigint * 3889) % 7776000) * interval '1 second' as at,
         (i * 31) % 600 as duration, (i * 13) % 5 as status
  from generate_series(1, ${rows}) as i`);

const AGGREGATE = sql`
  select agent, date_trunc('day', at) as day, count(*) as calls, sum(duration) as talk,
         avg(duration) as mean, count(*) filter (where status = 0) as answered
  from bench_call group by 1, 2`;

/**
 * How late a 5 ms timer fires, sampled until stop(). (perf_hooks' histogram records nothing
 * when the loop is blocked for its whole life, which is exactly the main-thread case.)
 */
function loopLateness(): { stop(): { loopDelayP99: number; loopDelayMax: number } } {
  const TICK_MS = 5;
  const samples: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push(Math.max(0, now - last - TICK_MS));
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      samples.push(Math.max(0, performance.now() - last - TICK_MS));
      const sorted = samples.sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0;
      return { loopDelayP99: p99, loopDelayMax: sorted[sorted.length - 1] ?? 0 };
    },
  };
}

async function main(): Promise<void> {
  const [first, firstOpenMs] = await timed(open);
  await first.close();
  const [handle, reopenMs] = await timed(open);
  const [, loadMs] = await timed(() => handle.db.execute(LOAD));
  const probe = createHealthProbe(() => Promise.resolve(handle), { kind: handle.kind });
  const server = createServer((request, response) => {
    if (request.url !== "/health") return void response.writeHead(404).end();
    void probe.check().then((health) => {
      response.writeHead(health.ok ? 200 : 503, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: health.ok, database: health }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  send({ type: "ready", port, firstOpenMs, reopenMs, loadMs, rows });

  process.on("message", (message: ParentMessage) => {
    if (message.type === "stop") {
      server.close();
      void handle.close().finally(() => process.exit(0));
      return;
    }
    void (async () => {
      const lateness = loopLateness();
      const runs: number[] = [];
      let groups = 0;
      const until = performance.now() + message.durationMs;
      while (performance.now() < until || runs.length < 2) {
        const [result, ms] = await timed(() => handle.db.execute(AGGREGATE));
        runs.push(ms);
        groups = result.rows.length;
      }
      send({ type: "aggregated", runs, groups, ...lateness.stop() });
    })();
  });
}

main().catch((error: unknown) => {
  send({ type: "failed", error: describeDatabaseError(error) });
  setTimeout(() => process.exit(1), 100);
});
