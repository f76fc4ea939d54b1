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

/**
 * The database's maintenance commands (`npm run db -- <command>`, see main.ts), as a
 * function of the arguments and the environment, printing through `io`.
 */

export interface CommandIo {
  env: Record<string, string | undefined>;
  log: (line: string) => void;
  error: (line: string) => void;
}

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

function embedded(config: DatabaseConfig, command: string, io: CommandIo): string {
  if (config.kind !== "pglite") {
    throw new UsageError(
      `${command} is for the embedded database, but DATABASE_URL is set: for PostgreSQL use pg_dump / pg_restore (see the README).`,
    );
  }
  io.log(`embedded database: ${config.dataDir}${config.demo ? " (demo mode)" : ""}`);
  return config.dataDir;
}

function argument(args: string[], what: string): string {
  const value = args[0];
  if (!value) throw new UsageError(`missing ${what}\n\n${USAGE}`);
  return value;
}

async function status(config: DatabaseConfig, io: CommandIo): Promise<void> {
  const handle = await openDatabase(config, { thread: "main" });
  try {
    io.log(`${handle.kind} at ${handle.location}: migrations applied`);
    for (const { table, rows } of await countRows(handle.db, tablesInDependencyOrder())) {
      io.log(`  ${table.padEnd(24)} ${rows}`);
    }
  } finally {
    await handle.close();
  }
}

async function copyTo(config: DatabaseConfig, url: string, io: CommandIo): Promise<void> {
  if (!isPostgresUrl(url)) {
    throw new UsageError("copy-to needs a PostgreSQL URL such as postgres://user:password@host/db");
  }
  const dataDir = embedded(config, "copy-to", io);
  const source = await openDatabase({ kind: "pglite", dataDir, demo: false }, { thread: "main" });
  try {
    const target = await openPostgres({ url });
    try {
      io.log(`copying into ${target.location}…`);
      const copied = await copyDatabase(source, target, ({ table, rows }) =>
        io.log(`  ${table.padEnd(24)} ${rows}`),
      );
      const total = copied.reduce((n, t) => n + t.rows, 0);
      io.log(`done: ${total} rows in ${copied.length} tables. Now set DATABASE_URL.`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function run(args: string[], io: CommandIo): Promise<void> {
  const [command, ...rest] = args;
  const config = databaseConfig(parseServerEnv(io.env));
  switch (command) {
    case "status":
      return status(config, io);
    case "backup": {
      const file = resolve(argument(rest, "the backup file"));
      const bytes = await backupEmbedded(embedded(config, "backup", io), file);
      return io.log(`backup written: ${file} (${bytes} bytes)`);
    }
    case "restore": {
      const file = resolve(argument(rest, "the backup file"));
      if (!existsSync(file)) throw new UsageError(`no such backup file: ${file}`);
      await restoreEmbedded(embedded(config, "restore", io), file);
      return io.log(`restored from ${file}`);
    }
    case "copy-to":
      return copyTo(config, argument(rest, "the PostgreSQL URL"), io);
    default:
      throw new UsageError(command ? `unknown command: ${command}\n\n${USAGE}` : USAGE);
  }
}

/** Runs one command; resolves to the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runDbCommand(args: string[], io: CommandIo): Promise<number> {
  try {
    await run(args, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof EnvError) {
      io.error(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    const urls = [io.env.DATABASE_URL, ...args.filter(isPostgresUrl)];
    const secrets = urls.flatMap((url) => secretsOfUrl(url));
    io.error(`npm run db: ${describeDatabaseError(error, secrets)}`);
    return 1;
  }
}
