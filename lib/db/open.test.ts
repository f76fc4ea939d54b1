import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { describeEachDatabase } from "@/testing/database/each-database";

import { databaseConfig } from "./config";
import { migrationsFolder } from "./migrate";
import { openPglite } from "./pglite/open";
import { auditEvent, user } from "./schema";

const journal = JSON.parse(
  readFileSync(join(migrationsFolder(), "meta", "_journal.json"), "utf8"),
) as { entries: { tag: string }[] };

const TABLES = ["account", "api_token", "audit_event", "rate_limit", "session", "user"];

describeEachDatabase("opening the database", (target) => {
  it("applies every migration to an empty database, with snake_case columns", async () => {
    const { db } = await target.open();
    const applied = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(TABLES));
    const columns = await db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'session'`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual(
      expect.arrayContaining(["user_id", "expires_at", "ip_address", "impersonated_by"]),
    );
  });

  it("keeps the data when the database is closed and opened again", async () => {
    const storage = await target.storage();
    const first = await storage.open();
    await first.db.insert(user).values({ id: "u-keep", name: "Dana", email: "dana@example.com" });
    await first.db.insert(auditEvent).values({ actorKind: "anonymous", action: "probe" });
    await first.close();
    expect(first.closed).toBe(true);

    const again = await storage.open();
    const rows = await again.db.select({ email: user.email }).from(user);
    expect(rows).toEqual([{ email: "dana@example.com" }]);
    // applying the migrations again changed nothing
    const applied = await again.db.execute<{ n: number }>(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied.rows[0]?.n).toBe(journal.entries.length);
    const [event] = await again.db
      .insert(auditEvent)
      .values({ actorKind: "anonymous", action: "probe" })
      .returning();
    expect(event?.id).toBe(2);
  });

  it("answers a ping, and refuses queries once closed", async () => {
    const handle = await target.open();
    await expect(handle.ping()).resolves.toBeUndefined();
    await handle.close();
    await expect(handle.ping()).rejects.toThrow();
  });

  if (target.kind === "postgres") {
    it("lets several instances start at once: they migrate one after another", async () => {
      const storage = await target.storage();
      const handles = await Promise.all([storage.open(), storage.open(), storage.open()]);
      const [first] = handles;
      const applied = await first.db.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
    });
  } else {
    it("refuses to open one data directory twice in a process", async () => {
      const storage = await target.storage();
      await storage.open();
      await expect(storage.open()).rejects.toThrow(/already open in this process/);
    });
  }
});

describe("an unusable CALLBOARD_DATA_DIR", () => {
  it("stops the open with a sentence naming the variable", async () => {
    const root = mkdtempSync(join(tmpdir(), "callboard-not-a-dir-"));
    const file = join(root, "a-file");
    writeFileSync(file, "");
    try {
      await expect(openPglite({ dataDir: join(file, "pglite") })).rejects.toThrow(
        /cannot keep its embedded database in .*a-file \(CALLBOARD_DATA_DIR\)/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("databaseConfig", () => {
  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const url = "postgres://cb:pw@db.internal:5432/callboard";
    expect(
      databaseConfig({ DATABASE_URL: url, CALLBOARD_DATA_DIR: "./x", VOICENTER_CODE: "c0de" }),
    ).toEqual({ kind: "postgres", url });
  });

  it("keeps demo data in its own sub-folder of CALLBOARD_DATA_DIR", () => {
    const live = databaseConfig({
      DATABASE_URL: undefined,
      CALLBOARD_DATA_DIR: "/srv/cb",
      VOICENTER_CODE: "c0de",
    });
    const demo = databaseConfig({
      DATABASE_URL: undefined,
      CALLBOARD_DATA_DIR: "/srv/cb",
      VOICENTER_CODE: undefined,
    });
    expect(live).toEqual({ kind: "pglite", dataDir: "/srv/cb/pglite", demo: false });
    expect(demo).toEqual({ kind: "pglite", dataDir: "/srv/cb/demo/pglite", demo: true });
  });
});
