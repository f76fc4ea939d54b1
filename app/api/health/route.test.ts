import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";

import { databaseConfig } from "@/lib/db/config";
import { closeDatabase, getDatabaseHandle } from "@/lib/db/connection";
import { resetDatabaseHealthForTests } from "@/lib/db/database-health";
import { openPglite } from "@/lib/db/pglite/open";
import { readSnapshot } from "@/lib/db/testing/snapshot";
import { resetServerEnvForTests } from "@/lib/server/env";

import { GET } from "./route";

const root = mkdtempSync(join(tmpdir(), "callboard-health-"));
const saved = { ...process.env };

function useEnvironment(values: Record<string, string>): void {
  process.env = { ...saved, VOICENTER_CODE: "", DATABASE_URL: "", ...values };
  resetServerEnvForTests();
  resetDatabaseHealthForTests();
}

afterEach(async () => {
  await closeDatabase();
  process.env = { ...saved };
  resetServerEnvForTests();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("GET /api/health", () => {
  it("reports the embedded database: kind, ok and the round trip", async () => {
    useEnvironment({ CALLBOARD_DATA_DIR: root });
    // the server opens the database as it starts (instrumentation); so does this test
    const config = databaseConfig({
      CALLBOARD_DATA_DIR: root,
      DATABASE_URL: undefined,
      VOICENTER_CODE: undefined,
    });
    if (config.kind !== "pglite") throw new Error("unreachable");
    await (
      await openPglite({
        dataDir: config.dataDir,
        snapshot: readSnapshot(inject("pgliteSnapshot")),
      })
    ).close();
    await getDatabaseHandle();

    const response = await GET();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      ok: true,
      mode: "demo",
      database: { kind: "pglite", ok: true, latencyMs: expect.any(Number) as number },
    });
  });

  it("answers 503 when PostgreSQL refuses, without the URL's credentials", async () => {
    const server = new URL(inject("postgresUrl"));
    const client = new pg.Client({ connectionString: server.href });
    await client.connect();
    await client.query("create role health_probe login password 'Pa55-never-shown'");
    await client.end();
    server.username = "health_probe";
    server.password = "Pa55-never-shown";
    server.pathname = "/no_such_database";
    useEnvironment({ DATABASE_URL: server.href });

    // health never waits long for a check: ask until the first one has completed
    let response = await GET();
    let text = await response.text();
    for (let i = 0; i < 100 && text.includes("the database is opening"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await GET();
      text = await response.text();
    }
    expect(response.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({
      ok: false,
      database: { kind: "postgres", ok: false, latencyMs: null },
    });
    expect(text).toContain('database \\"no_such_database\\" does not exist');
    expect(text).not.toContain("Pa55-never-shown");
    expect(text).not.toContain("health_probe:");
  });
});
