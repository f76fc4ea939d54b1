import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { asc, getTableColumns, getTableName, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { databaseTarget } from "@/testing/database/each-database";
import { seedEveryTable } from "@/testing/database/seed";

import type { Database } from "../database";
import { openPglite } from "../pglite/open";
import { auditEvent } from "../schema";
import { restoreEmbedded } from "../tools/backup";
import { tablesInDependencyOrder } from "../tools/copy";
import { runDbCommand } from "./commands";

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** `npm run db -- …` in a process of its own, as an operator runs it. */
function runInProcess(args: string[], dataRoot: string) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/db/cli/main.ts", ...args],
      { env: { ...process.env, ...environment(dataRoot) } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, out: `${stdout}${stderr}` });
      },
    );
  });
}

function environment(dataRoot: string) {
  return { CALLBOARD_DATA_DIR: dataRoot, VOICENTER_CODE: "", DATABASE_URL: "" };
}

/** The same command, run here (faster), with its output collected. */
async function runCli(args: string[], dataRoot: string) {
  const lines: string[] = [];
  const io = {
    env: environment(dataRoot),
    log: (l: string) => lines.push(l),
    error: (l: string) => lines.push(l),
  };
  const code = await runDbCommand(args, io);
  return { code, out: lines.join("\n") };
}

/** Every row of every table, in key order, as Drizzle reads it. */
async function everyRow(db: Database) {
  const rows: Record<string, unknown[]> = {};
  for (const table of tablesInDependencyOrder()) {
    const columns = Object.values(getTableColumns(table));
    const key = columns.find((c) => c.primary);
    // a composite primary key: every column, in order
    const order = key ? [asc(key)] : columns.map((c) => asc(c));
    rows[getTableName(table)] = await db
      .select()
      .from(table)
      .orderBy(...order);
  }
  return rows;
}

describe("npm run db", () => {
  const pglite = databaseTarget("pglite");
  const postgres = databaseTarget("postgres");

  it("stops a second process on the same data directory with a sentence, then serves it", async () => {
    const storage = await pglite.storage();
    if (storage.config.kind !== "pglite") throw new Error("unreachable");
    const root = dirname(dirname(storage.config.dataDir));
    const handle = await storage.open();
    const refused = await runInProcess(["status"], root);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`is in use by process ${process.pid} on this machine`);
    expect(refused.out).toContain("PGlite allows one process per data directory");
    await handle.close();
    const served = await runCli(["status"], root);
    expect(served.out).toMatch(/pglite at .*demo\/pglite: migrations applied/);
    expect(served.out).toMatch(/audit_event\s+0/);
    expect(served.code).toBe(0);
  });

  /** A closed embedded database with rows in every table; its root and every row. */
  async function seededEmbedded() {
    const storage = await pglite.storage();
    if (storage.config.kind !== "pglite") throw new Error("unreachable");
    const source = await storage.open();
    await seedEveryTable(source.db);
    const before = await everyRow(source.db);
    await source.close();
    return { root: dirname(dirname(storage.config.dataDir)), before };
  }

  it("backs up the embedded database, restorable elsewhere row for row", async () => {
    const { root, before } = await seededEmbedded();

    const file = join(tempDir("callboard-backup-"), "callboard.tar.gz");
    const backup = await runCli(["backup", file], root);
    expect(backup.out).toContain("backup written");
    expect(backup.code).toBe(0);

    const elsewhere = join(tempDir("callboard-restore-"), "pglite");
    await restoreEmbedded(elsewhere, file);
    await expect(restoreEmbedded(elsewhere, file)).rejects.toThrow(/already holds a database/);
    const restored = await openPglite({ dataDir: elsewhere });
    try {
      expect(await everyRow(restored.db)).toEqual(before);
    } finally {
      await restored.close();
    }
  });

  it("copies every table of the embedded database into PostgreSQL, once", async () => {
    const { root, before } = await seededEmbedded();
    for (const [table, rows] of Object.entries(before))
      expect(rows.length, table).toBeGreaterThan(0);

    const targetStorage = await postgres.storage();
    if (targetStorage.config.kind !== "postgres") throw new Error("unreachable");
    // trust authentication ignores the password: it is here to be kept out of the output
    const url = targetStorage.config.url.replace("postgres@", "postgres:Pw-Never-Shown@");
    const copied = await runCli(["copy-to", url], root);
    expect(copied.out).toMatch(/done: \d+ rows in \d+ tables/);
    expect(copied.out).not.toContain("Pw-Never-Shown");
    expect(copied.code).toBe(0);

    const target = await targetStorage.open();
    expect(await everyRow(target.db)).toEqual(before);
    const [next] = await target.db
      .insert(auditEvent)
      .values({ actorKind: "anonymous", action: "after-copy" })
      .returning({ id: auditEvent.id });
    expect(next?.id).toBe(2_501);
    const n = await target.db.execute<{ n: number }>(sql`select count(*) as n from audit_event`);
    expect(n.rows[0]?.n).toBe(2_501);

    const twice = await runCli(["copy-to", url], root);
    expect(twice.out).toContain("already holds data");
    expect(twice.out).not.toContain("Pw-Never-Shown");
    expect(twice.code).toBe(1);
  });

  it("says what it needs when a command is wrong", async () => {
    const root = tempDir("callboard-cli-");
    const usage = await runCli(["frobnicate"], root);
    expect(usage.out).toContain("unknown command: frobnicate");
    expect(usage.out).toContain("copy-to <url>");
    expect(usage.code).toBe(2);
    const badUrl = await runCli(["copy-to", "mysql://x@y/z"], root);
    expect(badUrl.out).toContain("copy-to needs a PostgreSQL URL");
    expect(badUrl.code).toBe(2);
  });
});
