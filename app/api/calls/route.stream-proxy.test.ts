import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readCallsEvents } from "@/lib/api/calls-stream";
import { callsTailResponseSchema } from "@/lib/api/calls-tail";
import { readAllEvents, streamedIds, streamRequest } from "@/testing/calls-stream";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";

/**
 * `/api/calls` streamed with CALLBOARD_STORE=off (the pure proxy): the upstream's pages are
 * handed on as they arrive, and a viewer who cancels stops the requests (counted at the
 * simulator). The live tail has nothing to read and says so.
 */

const CODE = "canary-Pq8w-stream-proxy-2718";
const NOW = Date.UTC(2024, 5, 20, 12);
const dataDir = mkdtempSync(join(tmpdir(), "callboard-route-stream-proxy-"));

let server: SimulatorServer;
let GET: (request: Request) => Promise<Response>;
let hits = 0;

beforeAll(async () => {
  server = await loopbackSimulator({
    code: CODE,
    seed: 32,
    callsPerDay: 10_000,
    now: () => NOW,
    publicBaseUrl: "",
    rateLimit: 100_000,
  });
  const handle = server.simulator.handle.bind(server.simulator);
  server.simulator.handle = (request, ip) => {
    if (new URL(request.url).pathname.startsWith("/hub/cdr")) hits++;
    return handle(request, ip);
  };
  Object.assign(process.env, {
    VOICENTER_CODE: CODE,
    VOICENTER_API_URL: `${server.url}/hub/cdr/`,
    VOICENTER_RATE_LIMIT: "600",
    CALLBOARD_DATA_DIR: dataDir,
    CALLBOARD_STORE: "off",
  });
  useLiveToken("viewer");
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db/connection");
  await closeDatabase();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (from: number, to: number) =>
  `from=2024-06-${String(from).padStart(2, "0")}T00:00:00Z&to=2024-06-${String(to).padStart(2, "0")}T00:00:00Z`;

describe("GET /api/calls as NDJSON, without the store", () => {
  it("hands on each upstream page as it arrives, then the summary", async () => {
    const events = await readAllEvents(await GET(streamRequest(range(16, 18))));
    const progress = events.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[0]?.expected).toBeGreaterThan(15_000);
    expect(events.filter((e) => e.type === "calls").length).toBeGreaterThan(1);
    const summary = events.at(-1);
    expect(summary).toMatchObject({ type: "summary", complete: true });
    const truth = simulatedCallIds(
      server.simulator,
      { from: Date.parse("2024-06-16T00:00:00Z"), to: Date.parse("2024-06-17T23:59:59Z") },
      NOW,
    );
    expect(streamedIds(events).sort()).toEqual([...truth].sort());
    // the same answer again comes from the cache, in slices, without the upstream
    const before = hits;
    const again = await readAllEvents(await GET(streamRequest(range(16, 18))));
    expect(streamedIds(again).sort()).toEqual([...truth].sort());
    expect(hits).toBe(before);
  });

  it("stops asking the upstream when the only viewer cancels", async () => {
    server.simulator.setFaults({ latencyMs: 400 });
    try {
      const controller = new AbortController();
      const before = hits;
      const response = await GET(streamRequest(range(2, 9), controller.signal));
      for await (const event of readCallsEvents(response.body ?? new ReadableStream()))
        if (event.type === "calls") break;
      controller.abort(new Error("cancelled"));
      await response.body?.cancel().catch(() => undefined);
      await sleep(3_000);
      const settled = hits;
      await sleep(3_000);
      expect(hits).toBe(settled);
      expect(hits - before).toBeLessThan(8);
    } finally {
      server.simulator.setFaults({ latencyMs: 0 });
    }
  });

  it("has no live tail: the answer says the store is off", async () => {
    const { GET: tail } = await import("./tail/route");
    const response = await tail(
      new Request(
        `http://localhost/api/calls/tail?${range(16, 18)}&since=2024-06-17T00:00:00Z`,
        authorized(),
      ),
    );
    expect(response.status).toBe(200);
    expect(callsTailResponseSchema.parse(await response.json())).toMatchObject({
      calls: [],
      unavailable: "store_disabled",
    });
  });
});
