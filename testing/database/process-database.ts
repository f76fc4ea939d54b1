import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

import { databaseConfig } from "@/lib/db/config";
import { closeDatabase, getDatabaseHandle } from "@/lib/db/connection";
import { openPglite } from "@/lib/db/pglite/open";

import { readSnapshot } from "./snapshot";

/**
 * The process's own database (what `getDatabase()` opens) as an embedded one in a fresh
 * folder, seeded from the initdb snapshot and opened: route handlers under test then find it
 * ready, and nothing is written into the checkout's ./.callboard (which e2e servers hold).
 * Sets CALLBOARD_DATA_DIR and clears DATABASE_URL; call in beforeAll, `close` in afterAll.
 */
export async function useProcessDatabase(
  prefix: string,
): Promise<{ root: string; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), `callboard-${prefix}-`));
  process.env.DATABASE_URL = "";
  process.env.CALLBOARD_DATA_DIR = root;
  const config = databaseConfig({
    CALLBOARD_DATA_DIR: root,
    DATABASE_URL: undefined,
    VOICENTER_CODE: process.env.VOICENTER_CODE,
  });
  if (config.kind !== "pglite") throw new Error("unreachable: DATABASE_URL was cleared");
  const snapshot = readSnapshot(inject("pgliteSnapshot"));
  await (await openPglite({ dataDir: config.dataDir, snapshot })).close();
  await getDatabaseHandle();
  return {
    root,
    close: async () => {
      await closeDatabase();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
