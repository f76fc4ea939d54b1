import { existsSync } from "node:fs";
import { resolve } from "node:path";

import { EnvError, isPostgresUrl, parseServerEnv } from "@/lib/server/env";

import { databaseConfig, type DatabaseConfig } from "../config";
import { describeDatabaseError, secretsOfUrl } from "../errors";
import { openDatabase } from "../open";
import { openPostgres } from "../postgres/open";
import { backupEmbedded, restoreEmbedded } from "../tools/backup";
import { copyDatabase, tablesInDependencyOrder } from "../tools/copy";
import { countRows } from "../tools/count-rows";

/** `npm run db -- <command>`: the database's maintenance commands. */

const USAGE = `Usage: npm run db -- <command>

  status            open the database (applying migrations) and count each table's rows
  backup <file>     embedded database: write a consistent backup (a .tar.gz) to <file>
  restore <file>    embedded database: restore a backup into an empty data directory
  copy-to <url>     copy every table of the embedded database into the (empty) PostgreSQL
                    database at <url>; then start Callboard with DATABASE_URL=<url>

The database is the one the server opens: DATABASE_URL, else CALLBOARD_DATA_DIR (default
./.callboard; in demo mode, without VOICENTER_CODE, its demo/ sub-folder). The .env files
that next start reads are read too. Stop Callboard before backup, restore and copy-to: the
embedded database is single-writer. For PostgreSQL, back up with pg_dump.`;

class UsageError extends Error {}

function loadEnvFiles(): void {
  // next start's order of precedence; a variable already set is never overwritten
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

function embedded(config: DatabaseConfig, command: string): string {
  if (config.kind !== "pglite") {
    throw new UsageError(
      `${command} is for the embedded database, but DATABASE_URL is set: for PostgreSQL use pg_dump / pg_restore (see the README).`,
    );
  }
  console.log(`embedded database: ${config.dataDir}${config.demo ? " (demo mode)" : ""}`);
  return config.dataDir;
}

function argument(args: string[], what: string): string {
  const value = args[0];
  if (!value) throw new UsageError(`missing ${what}\n\n${USAGE}`);
  return value;
}

async function status(config: DatabaseConfig): Promise<void> {
  const handle = await openDatabase(config, { thread: "main" });
  try {
    console.log(`${handle.kind} at ${handle.location}: migrations applied`);
    for (const { table, rows } of await countRows(handle.db, tablesInDependencyOrder())) {
      console.log(`  ${table.padEnd(24)} ${rows}`);
    }
  } finally {
    await handle.close();
  }
}

async function copyTo(config: DatabaseConfig, url: string): Promise<void> {
  if (!isPostgresUrl(url)) {
    throw new UsageError("copy-to needs a PostgreSQL URL such as postgres://user:password@host/db");
  }
  const dataDir = embedded(config, "copy-to");
  const source = await openDatabase({ kind: "pglite", dataDir, demo: false }, { thread: "main" });
  try {
    const target = await openPostgres({ url });
    try {
      console.log(`copying into ${target.location}…`);
      const copied = await copyDatabase(source, target, ({ table, rows }) =>
        console.log(`  ${table.padEnd(24)} ${rows}`),
      );
      const total = copied.reduce((n, t) => n + t.rows, 0);
      console.log(`done: ${total} rows in ${copied.length} tables. Now set DATABASE_URL.`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function main(args: string[]): Promise<void> {
  loadEnvFiles();
  const [command, ...rest] = args;
  const config = databaseConfig(parseServerEnv(process.env));
  switch (command) {
    case "status":
      return status(config);
    case "backup": {
      const file = resolve(argument(rest, "the backup file"));
      const bytes = await backupEmbedded(embedded(config, "backup"), file);
      return console.log(`backup written: ${file} (${bytes} bytes)`);
    }
    case "restore": {
      const file = resolve(argument(rest, "the backup file"));
      if (!existsSync(file)) throw new UsageError(`no such backup file: ${file}`);
      await restoreEmbedded(embedded(config, "restore"), file);
      return console.log(`restored from ${file}`);
    }
    case "copy-to":
      return copyTo(config, argument(rest, "the PostgreSQL URL"));
    default:
      throw new UsageError(command ? `unknown command: ${command}\n\n${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const secrets = [...secretsOfUrl(process.env.DATABASE_URL), ...secretsOfUrl(process.argv[3])];
    if (error instanceof UsageError || error instanceof EnvError) console.error(error.message);
    else console.error(`npm run db: ${describeDatabaseError(error, secrets)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
