import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";

import { readSnapshot } from "@/testing/database/snapshot";

import { DatabaseUnavailableError, describeDatabaseError } from "../errors";
import { user } from "../schema";
import { openPglite } from "./open";
import { PgliteWorkerClient } from "./worker-client";

const HEAVY = sql`select sum(i * 2) as total from generate_series(1, 1000000) as i`;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function freshDir(): string {
  const root = mkdtempSync(join(tmpdir(), "callboard-worker-"));
  roots.push(root);
  return join(root, "pglite");
}

/** How many 1 ms timers fired while `work` ran (0: the event loop was blocked throughout). */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe("PGlite in a worker thread", () => {
  const snapshot = () => readSnapshot(inject("pgliteSnapshot"));

  it("leaves the event loop free while a heavy query runs (the main thread does not)", async () => {
    const worker = await openPglite({ thread: "worker", snapshot: snapshot() });
    const main = await openPglite({ thread: "main", snapshot: snapshot() });
    try {
      expect(await ticksDuring(() => worker.db.execute(HEAVY))).toBeGreaterThan(10);
      expect(await ticksDuring(() => main.db.execute(HEAVY))).toBe(0);
    } finally {
      await Promise.all([worker.close(), main.close()]);
    }
  });

  it("shuts down cleanly: open work rolled back, committed work kept, directory freed", async () => {
    const dataDir = freshDir();
    const handle = await openPglite({ dataDir, snapshot: snapshot() });
    await handle.db.insert(user).values({ id: "kept", name: "K", email: "k@example.com" });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const open = handle.db.transaction(async (tx) => {
      await tx.insert(user).values({ id: "open", name: "O", email: "o@example.com" });
      await held;
      await tx.insert(user).values({ id: "late", name: "L", email: "l@example.com" });
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = handle.close();
    release();
    await expect(open).rejects.toThrow();
    await closing;
    expect(handle.closed).toBe(true);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const after = await handle.db
      .select()
      .from(user)
      .catch((error: unknown) => error);
    expect(describeDatabaseError(after)).toBe("The embedded database is closed.");

    const again = await openPglite({ dataDir });
    try {
      expect(await again.db.select({ id: user.id }).from(user)).toEqual([{ id: "kept" }]);
    } finally {
      await again.close();
    }
  });

  it("fails pending and later calls with a clear error when the thread dies", async () => {
    const client = await PgliteWorkerClient.start({
      workerPath: join(process.cwd(), "testing/database/crashing-worker.mjs"),
    });
    const pending = client.query("select 1");
    await expect(pending).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(pending).rejects.toThrow(/embedded database stopped/);
    await expect(client.query("select 1")).rejects.toThrow(/embedded database stopped/);
    expect(client.closed).toBe(true);
    await client.close();
  });

  it("hands back a consistent dump of the data directory", async () => {
    const handle = await openPglite({ snapshot: snapshot() });
    try {
      await handle.db.insert(user).values({ id: "d1", name: "D", email: "d@example.com" });
      const dump = await handle.dumpDataDir?.("none");
      const copy = await openPglite({
        thread: "main",
        snapshot: new Uint8Array(await dump!.arrayBuffer()),
      });
      expect(await copy.db.select({ id: user.id }).from(user)).toEqual([{ id: "d1" }]);
      await copy.close();
    } finally {
      await handle.close();
    }
  });
});
