import "server-only";

import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";

import type { DatabaseHandle } from "../database";
import { DatabaseUnavailableError } from "../errors";
import { migrationsFolder } from "../migrate";
import * as schema from "../schema";
import { acquireDataDirLock, type DataDirLock } from "./lock";
import { PgliteWorkerClient } from "./worker-client";

export interface PgliteOpenOptions {
  /** The PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /**
   * "worker" (the default, chosen by bench/db-health.ts): PGlite on a worker thread, so a
   * heavy query leaves the event loop free. "main": on the calling thread (unit tests, bench).
   */
  thread?: "worker" | "main";
  /** A migrated `dumpDataDir("none")` tarball to start from, instead of initdb (tests). */
  snapshot?: Uint8Array<ArrayBuffer>;
  workerPath?: string;
  migrationsFolder?: string;
}

/** Opens PGlite (taking its directory's lock), applies the migrations, wraps it in Drizzle. */
export async function openPglite(options: PgliteOpenOptions): Promise<DatabaseHandle> {
  const { dataDir, thread = "worker", snapshot } = options;
  let lock: DataDirLock | undefined;
  if (dataDir !== undefined) {
    try {
      mkdirSync(dirname(dataDir), { recursive: true });
    } catch (error) {
      throw new DatabaseUnavailableError(
        `Callboard cannot keep its embedded database in ${dirname(dataDir)} (CALLBOARD_DATA_DIR): ${(error as Error).message}`,
      );
    }
    lock = acquireDataDirLock(dataDir);
    if (snapshot && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      lock.release();
      throw new Error(`${dataDir} already holds a database; a snapshot only fills an empty one.`);
    }
  }
  let client: PGlite | PgliteWorkerClient | undefined;
  try {
    client =
      thread === "worker"
        ? await PgliteWorkerClient.start({ dataDir, snapshot, workerPath: options.workerPath })
        : await PGlite.create(dataDir, snapshot ? { loadDataDir: new Blob([snapshot]) } : {});
    // drizzle-orm/pglite calls only `query` and `transaction`, which the worker client has
    const db = drizzle({ client: client as PGlite, schema });
    await migrate(db, { migrationsFolder: options.migrationsFolder ?? migrationsFolder() });
    return pgliteHandle(client, db, dataDir ?? "memory", lock);
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

function pgliteHandle(
  client: PGlite | PgliteWorkerClient,
  db: ReturnType<typeof drizzle<typeof schema>>,
  location: string,
  lock: DataDirLock | undefined,
): DatabaseHandle {
  let closing: Promise<void> | undefined;
  return {
    kind: "pglite",
    db,
    location,
    async ping() {
      if (closing) throw new DatabaseUnavailableError("The embedded database is closed.");
      await db.execute(sql`select 1`);
    },
    close() {
      closing ??= client.close().finally(() => lock?.release());
      return closing;
    },
    get closed() {
      return closing !== undefined || client.closed;
    },
    async dumpDataDir(compression) {
      return client.dumpDataDir(compression);
    },
  };
}
