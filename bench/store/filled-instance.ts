import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

import type { DatabaseHandle } from "@/lib/db/database";
import { openPglite } from "@/lib/db/pglite/open";
import { openPostgres } from "@/lib/db/postgres/open";
import { DAY_MS } from "@/lib/time/units";
import { startInstance, type AppInstance } from "@/testing/store/instances";

import { startPostgres } from "../../scripts/ensure-postgres.mjs";
import { count, note, seconds } from "../report";
import {
  BENCH_CODE,
  startCountingSimulator,
  type CountingSimulator,
} from "../server/counting-simulator";
import { fillStore } from "./fill";

/**
 * The store benchmarks' set-up: a database filled with `days` of a 10,000-a-day center
 * (the sync, then the backfill, against a counting simulator), then served by an app
 * instance in its own process synced to that simulator. `work` measures; its lines follow
 * the fill's.
 */
export async function withFilledInstance(
  options: {
    label: string;
    days: number;
    open: () => Promise<DatabaseHandle>;
    env: Record<string, string>;
    /** The simulator's own limit (default the upstream's 30 a minute): a year needs more. */
    rateLimit?: number;
  },
  work: (app: AppInstance, sim: CountingSimulator, now: number) => Promise<string[]>,
): Promise<string[]> {
  const now = Date.now();
  const sim = await startCountingSimulator({
    callsPerDay: 10_000,
    rateLimit: options.rateLimit ?? 30,
  });
  try {
    const handle = await options.open();
    const filled = await fillStore({
      handle,
      upstreamUrl: sim.cdrUrl,
      code: BENCH_CODE,
      now,
      days: options.days,
    });
    await handle.close();
    const lines = [
      note(`${options.label}: ${count(filled.calls)} calls stored in ${seconds(filled.ms)}`),
    ];
    const app = await startInstance({
      ...options.env,
      VOICENTER_CODE: BENCH_CODE,
      VOICENTER_API_URL: sim.cdrUrl,
      CALLBOARD_BACKFILL_DAYS: String(options.days),
    });
    try {
      lines.push(...(await work(app, sim, now)));
    } finally {
      await app.kill("SIGKILL");
    }
    return lines;
  } finally {
    await sim.server.close();
  }
}

/** An agent's extension (a call of theirs two days back): the benchmarks' "one agent". */
export function agentExtension(sim: CountingSimulator, now: number): string {
  const day = Math.floor(now / DAY_MS) - 2;
  const call = sim.server.simulator.store.day(day).find((c) => c.agent && c.cdrType === 8);
  return call?.targetExtension ?? "";
}

export type StoreDatabase = {
  label: "PGlite" | "PostgreSQL";
  open: () => Promise<DatabaseHandle>;
  /** The app instance's variables for it. */
  env: Record<string, string>;
};

/**
 * `measure` on a new embedded database (a temporary folder) and on a new PostgreSQL database
 * named `name` (the test scripts' server, started for it), in `order`; their lines.
 */
export async function onEachStoreDatabase(
  name: string,
  measure: (database: StoreDatabase) => Promise<string[]>,
  order: readonly StoreDatabase["label"][] = ["PGlite", "PostgreSQL"],
): Promise<string[]> {
  const lines: string[] = [];
  for (const label of order) {
    lines.push(...(await (label === "PGlite" ? onPglite : onPostgres)(name, measure)));
  }
  return lines;
}

async function onPglite(
  name: string,
  measure: (database: StoreDatabase) => Promise<string[]>,
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), `callboard-${name}-`));
  try {
    return await measure({
      label: "PGlite",
      open: () => openPglite({ dataDir: join(dir, "pglite") }),
      env: { CALLBOARD_DATA_DIR: dir, DATABASE_URL: "" },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(
  name: string,
  measure: (database: StoreDatabase) => Promise<string[]>,
): Promise<string[]> {
  const server = await startPostgres();
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
    await client.end();
    const url = server.url.replace(/\/postgres$/, `/${name}`);
    return await measure({
      label: "PostgreSQL",
      open: () => openPostgres({ url }),
      env: { DATABASE_URL: url },
    });
  } finally {
    server.stop();
  }
}
