import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, inject } from "vitest";

import { databaseConfig, type DatabaseConfig } from "@/lib/db/config";
import type { DatabaseHandle, DatabaseKind } from "@/lib/db/database";
import { openPglite } from "@/lib/db/pglite/open";
import { openPostgres } from "@/lib/db/postgres/open";

import { readSnapshot } from "./snapshot";

/** One empty database of a back-end: opened (and reopened after a close) as the app opens it. */
export interface TestStorage {
  readonly config: DatabaseConfig;
  /** Opens and migrates it: PGlite in a worker thread on its own directory, as in production. */
  open(): Promise<DatabaseHandle>;
}

export interface DatabaseTarget {
  readonly kind: DatabaseKind;
  /** A new empty storage of this back-end; its handles are closed after the suite. */
  storage(): Promise<TestStorage>;
  /** Shorthand: a new storage, opened. */
  open(): Promise<DatabaseHandle>;
}

let databases = 0;

async function createPostgresDatabase(): Promise<string> {
  const serverUrl = inject("postgresUrl");
  if (!serverUrl) throw new Error(`PostgreSQL is not available: ${inject("postgresError")}`);
  const name = `test_${process.pid}_${++databases}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}

/** One back-end's target, for a suite that needs a given one; call inside `describe`. */
export function databaseTarget(kind: DatabaseKind): DatabaseTarget {
  const handles: DatabaseHandle[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.allSettled(handles.map((h) => h.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  const track = async (opening: Promise<DatabaseHandle>) => {
    const handle = await opening;
    handles.push(handle);
    return handle;
  };

  const storage = async (): Promise<TestStorage> => {
    if (kind === "postgres") {
      const url = await createPostgresDatabase();
      return { config: { kind, url }, open: () => track(openPostgres({ url })) };
    }
    const root = mkdtempSync(join(tmpdir(), "callboard-test-db-"));
    dirs.push(root);
    // laid out as CALLBOARD_DATA_DIR=root in demo mode lays it out
    const config = databaseConfig({
      CALLBOARD_DATA_DIR: root,
      DATABASE_URL: undefined,
      VOICENTER_CODE: undefined,
    });
    if (config.kind !== "pglite") throw new Error("unreachable");
    let seeded = false;
    return {
      config,
      open() {
        const snapshot = seeded ? undefined : readSnapshot(inject("pgliteSnapshot"));
        seeded = true;
        return track(openPglite({ dataDir: config.dataDir, snapshot }));
      },
    };
  };
  return { kind, storage, open: async () => (await storage()).open() };
}

/**
 * Runs the same suite on embedded PGlite and on the throwaway PostgreSQL server, as
 * `<name> (pglite)` and `<name> (postgres)`.
 */
export function describeEachDatabase(name: string, suite: (target: DatabaseTarget) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    describe(`${name} (${kind})`, () => suite(databaseTarget(kind)));
  }
}
