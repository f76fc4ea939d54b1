import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import type { TestStorage } from "@/testing/database/each-database";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";
import { simulatorUpstream, storeHarness, testClock } from "@/testing/store/harness";

import { readCoverage } from "./coverage";

/**
 * A process killed (SIGKILL) in the middle of writing a fetched span into the store loses
 * and doubles nothing: the span is not marked covered, and fetching it again afterwards
 * leaves exactly the upstream's calls, each once.
 */

const CODE = "kill-test-code-3318";
const NOW = Date.UTC(2024, 5, 21, 12);
const SPAN = { from: Date.UTC(2024, 5, 16), to: Date.UTC(2024, 5, 19) };

function runChild(storage: TestStorage, server: SimulatorServer): Promise<string> {
  const db = storage.config.kind === "postgres" ? storage.config.url : storage.config.dataDir;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "testing/store/write-child.ts"],
    {
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        STORE_DB: db,
        STORE_UPSTREAM: `${server.url}/hub/cdr/`,
        STORE_CODE: CODE,
        STORE_NOW: String(NOW),
        STORE_FROM: String(SPAN.from),
        STORE_TO: String(SPAN.to),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      // two batches are in: kill the process outright, somewhere in the rest of the write
      if ((output.match(/WROTE/g) ?? []).length >= 2 && !output.includes("KILLED")) {
        output += "KILLED";
        child.kill("SIGKILL");
      }
    });
    child.once("exit", (code, signal) =>
      signal === "SIGKILL"
        ? resolve(output)
        : reject(new Error(`child ended (${code}): ${output}`)),
    );
  });
}

describeEachDatabase("a kill in the middle of a write", (target) => {
  let server: SimulatorServer;

  beforeAll(async () => {
    server = await loopbackSimulator({
      code: CODE,
      seed: 21,
      callsPerDay: 10_000,
      now: () => NOW,
      rateLimit: 1000,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("loses and doubles nothing", async () => {
    const storage = await target.storage();
    // created and migrated first, so the child spends its time on the write
    await (await storage.open()).close();
    const output = await runChild(storage, server);
    expect(output).not.toContain("DONE");

    const handle = await storage.open();
    const count = async () => {
      const { rows } = await handle.db.execute<{ n: number }>(
        sql`select count(*)::int as n from stored_call`,
      );
      return Number(rows[0]?.n ?? 0);
    };
    const truth = simulatedCallIds(server.simulator, { from: SPAN.from, to: SPAN.to - 1000 }, NOW);
    expect(truth.length).toBeGreaterThan(20_000);
    // killed mid-write: some calls are in, the span is not covered
    const partly = await count();
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(truth.length);
    expect((await readCoverage(handle.db, [""], SPAN)).filter((s) => s.complete)).toEqual([]);

    const harness = storeHarness({
      handle,
      upstream: simulatorUpstream(server, CODE),
      clock: testClock(NOW),
    });
    const again = await harness.store.resync(SPAN);
    expect(again.complete).toBe(true);
    const { rows } = await handle.db.execute<{ call_id: string }>(
      sql`select call_id from stored_call order by call_id`,
    );
    expect(rows.map((r) => r.call_id)).toEqual([...truth].sort());
    expect(await count()).toBe(truth.length);
    const covered = (await readCoverage(handle.db, [""], SPAN)).filter((s) => s.complete);
    expect(covered.map((s) => [s.from, s.to])).toEqual([[SPAN.from, SPAN.to]]);
    await harness.close();
  });
});
