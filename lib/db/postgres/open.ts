import "server-only";

import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

import type { DatabaseHandle } from "../database";
import {
  DatabaseUnavailableError,
  describeDatabaseError,
  redactDatabaseSecrets,
  secretsOfUrl,
} from "../errors";
import { migrationsFolder } from "../migrate";
import * as schema from "../schema";
import { installTypeParsers } from "./type-parsers";

export interface PostgresOpenOptions {
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  migrationsFolder?: string;
  /** Where pool errors are reported (default: console.error); already free of credentials. */
  onError?: (message: string) => void;
}

/** Instances starting together migrate one at a time: this key's advisory lock. */
const MIGRATION_LOCK_KEY = 0x63_62_6d_67; // "cbmg"

/** host:port/database, for messages: the URL without its user and password. */
export function postgresLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "(DATABASE_URL)";
  }
}

/** Connects a pool, applies the migrations under an advisory lock, wraps it in Drizzle. */
export async function openPostgres(options: PostgresOpenOptions): Promise<DatabaseHandle> {
  installTypeParsers();
  const secrets = secretsOfUrl(options.url);
  const location = postgresLocation(options.url);
  const report = options.onError ?? ((message: string) => console.error(message));
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: "callboard",
    // PGlite's session settings, so date_trunc() and timestamps as text agree on both
    options: "-c TimeZone=UTC -c DateStyle=ISO,MDY",
    connectionTimeoutMillis: 10_000,
  });
  // an idle connection dropped by the server must not crash the process
  pool.on("error", (error) => {
    report(`Callboard database (${location}): ${describeDatabaseError(error, secrets)}`);
  });
  const db = drizzle({ client: pool, schema });
  try {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrate(db, { migrationsFolder: options.migrationsFolder ?? migrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      redactDatabaseSecrets(
        `Callboard cannot open its PostgreSQL database at ${location} (DATABASE_URL): ${describeDatabaseError(error, secrets)}`,
        secrets,
      ),
    );
  }
  let closing: Promise<void> | undefined;
  return {
    kind: "postgres",
    db,
    location,
    async ping() {
      await db.execute(sql`select 1`);
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
    get closed() {
      return closing !== undefined;
    },
  };
}
