import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

import { startPostgres, type ThrowawayPostgres } from "../scripts/ensure-postgres.mjs";
import type { AggregatedMessage, BackendName, ChildMessage, ReadyMessage } from "./db/protocol";
import { count, errorText, figure, ms, note, percentile, seconds, type Section } from "./report";

/**
 * `/api/health` latency while a big aggregation runs, for PGlite on the server's own
 * thread, PGlite in a worker thread, and PostgreSQL: the measurement behind running
 * PGlite in a worker (issue 7, §1). Each back-end runs in a child process that serves the
 * health probe over HTTP on 127.0.0.1; this process sends the requests.
 */

const CHILD = fileURLToPath(new URL("./db/health-child.ts", import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
const ROWS = 2_000_000;
const IDLE_REQUESTS = 200;
const LOAD_MS = 8_000;
const REQUEST_GAP_MS = 10;
const HEALTH_BUDGET_MS = 100;
const CHILD_TIMEOUT_MS = 240_000;

const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

function nextMessage<T extends ChildMessage["type"]>(child: ChildProcess, type: T) {
  return new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) done(() => resolve(message as Extract<ChildMessage, { type: T }>));
      else if (message.type === "failed") done(() => reject(new Error(message.error)));
    };
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`the child ended (exit code ${code})`)));
    const done = (settle: () => void) => {
      child.off("message", onMessage);
      child.off("exit", onExit);
      settle();
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

async function healthOnce(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return performance.now() - started;
}

interface Measured {
  ready: ReadyMessage;
  idle: number[];
  loaded: number[];
  aggregated: AggregatedMessage;
}

async function measure(backend: BackendName, env: Record<string, string>): Promise<Measured> {
  const child = fork(CHILD, [backend], {
    cwd: PROJECT_ROOT,
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: { ...process.env, NODE_OPTIONS: "", BENCH_ROWS: String(ROWS), ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const killer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
  try {
    const ready = await nextMessage(child, "ready");
    const url = `http://127.0.0.1:${ready.port}/health`;
    const idle: number[] = [];
    for (let i = 0; i < IDLE_REQUESTS; i++) idle.push(await healthOnce(url));
    const finished = nextMessage(child, "aggregated");
    let aggregated: AggregatedMessage | undefined;
    void finished.then((m) => (aggregated = m)).catch(() => undefined);
    child.send({ type: "aggregate", durationMs: LOAD_MS });
    const loaded: number[] = [];
    while (!aggregated) {
      loaded.push(await healthOnce(url));
      await sleep(REQUEST_GAP_MS);
    }
    await finished;
    return { ready, idle, loaded, aggregated };
  } finally {
    clearTimeout(killer);
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }
}

function report(label: string, m: Measured, openLabel: string): string[] {
  const p99 = percentile(m.loaded, 99);
  return [
    note(`${label}: ${count(m.ready.rows)} rows loaded in ${seconds(m.ready.loadMs)}`),
    figure(`${openLabel} first open (+ migrations)`, ms(m.ready.firstOpenMs)),
    figure(`${openLabel} reopen`, ms(m.ready.reopenMs)),
    figure(
      "GROUP BY agent, day (median run)",
      `${ms(percentile(m.aggregated.runs, 50))} ×${m.aggregated.runs.length}`,
    ),
    figure(
      "health idle p50 / p99",
      `${ms(percentile(m.idle, 50))} / ${ms(percentile(m.idle, 99))}`,
    ),
    figure("health during GROUP BY p50", `${ms(percentile(m.loaded, 50))} (n=${m.loaded.length})`),
    figure("health during GROUP BY p99", ms(p99), {
      text: `≤ ${HEALTH_BUDGET_MS} ms`,
      within: p99 <= HEALTH_BUDGET_MS,
    }),
    figure("health during GROUP BY max", ms(Math.max(...m.loaded))),
    figure(
      "server event-loop delay p99 / max",
      `${ms(m.aggregated.loopDelayP99)} / ${ms(m.aggregated.loopDelayMax)}`,
    ),
  ];
}

async function freshPostgresDatabase(server: ThrowawayPostgres): Promise<string> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query("create database bench_health");
  } finally {
    await client.end();
  }
  return server.url.replace(/\/postgres$/, "/bench_health");
}

export const dbHealthSection: Section = {
  title: `9. Database: /api/health while a GROUP BY over ${count(ROWS)} rows runs (PGlite main thread vs worker thread vs PostgreSQL)`,
  async run() {
    const lines: string[] = [];
    for (const backend of ["pglite-main", "pglite-worker"] as const) {
      const dir = mkdtempSync(join(tmpdir(), "callboard-bench-db-"));
      try {
        const m = await measure(backend, { BENCH_DATA_DIR: join(dir, "pglite") });
        const label = backend === "pglite-main" ? "PGlite, main thread" : "PGlite, worker thread";
        lines.push(...report(label, m, "PGlite"));
      } catch (error) {
        lines.push(note(`${backend}: failed: ${errorText(error)}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    let server: ThrowawayPostgres | undefined;
    try {
      server = await startPostgres();
      const url = await freshPostgresDatabase(server);
      const m = await measure("postgres", { BENCH_DATABASE_URL: url });
      lines.push(...report("PostgreSQL (throwaway local cluster)", m, "PostgreSQL"));
    } catch (error) {
      lines.push(note(`postgres: failed: ${errorText(error)}`));
    } finally {
      server?.stop();
    }
    lines.push(
      note(
        `health: sequential GETs ${REQUEST_GAP_MS} ms apart for ~${LOAD_MS / 1000} s of back-to-back GROUP BYs; a check waits ≤ 50 ms for its select 1, then answers with the last result`,
      ),
    );
    return lines;
  },
};
