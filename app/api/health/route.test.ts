import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { databaseConfig } from "@/lib/db/config";
import { closeDatabase, getDatabaseHandle } from "@/lib/db/connection";
import { openPglite } from "@/lib/db/pglite/open";
import { readSnapshot } from "@/testing/database/snapshot";

/**
 * The embedded database in a folder of its own (see route.postgres.test.ts). Live mode, so
 * no in-process simulator starts work that would outlive the test file.
 */

const CODE = "health-test-code";

const root = mkdtempSync(join(tmpdir(), "callboard-health-"));
let GET: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.VOICENTER_CODE = CODE;
  process.env.DATABASE_URL = "";
  process.env.CALLBOARD_DATA_DIR = root;
  // seeded from the initdb snapshot, then opened as the server opens it as it starts
  const config = databaseConfig({
    CALLBOARD_DATA_DIR: root,
    DATABASE_URL: undefined,
    VOICENTER_CODE: CODE,
  });
  if (config.kind !== "pglite") throw new Error("unreachable");
  const snapshot = readSnapshot(inject("pgliteSnapshot"));
  await (await openPglite({ dataDir: config.dataDir, snapshot })).close();
  await getDatabaseHandle();
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await closeDatabase();
  rmSync(root, { recursive: true, force: true });
});

describe("GET /api/health", () => {
  it("reports the embedded database: kind, ok and the round trip", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(CODE);
    expect(JSON.parse(text)).toMatchObject({
      ok: true,
      mode: "live",
      database: { kind: "pglite", ok: true, latencyMs: expect.any(Number) as unknown },
    });
  });
});
