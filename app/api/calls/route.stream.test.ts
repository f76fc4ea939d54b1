import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callsResponseSchema } from "@/lib/api/calls-response";
import { readCallsEvents } from "@/lib/api/calls-stream";
import { callsTailResponseSchema } from "@/lib/api/calls-tail";
import { readAllEvents, streamedIds, streamRequest } from "@/testing/calls-stream";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";

/**
 * `/api/calls` streamed (Accept: application/x-ndjson) with the call store on, in live mode
 * against the simulator over HTTP: progress and calls as they are read or fetched, the same
 * calls as the plain answer; and a viewer who cancels stops the upstream requests (counted
 * at the simulator) — unless another viewer still waits for the same fetch.
 */

const CODE = "canary-Zs4q-stream-3141";
const NOW = Date.UTC(2024, 5, 20, 12);
const dataDir = mkdtempSync(join(tmpdir(), "callboard-route-stream-"));

let server: SimulatorServer;
let GET: (request: Request) => Promise<Response>;
/** Requests the simulator got for 2024's calls (the sync asks about today's, and finds none). */
let hits = 0;

beforeAll(async () => {
  server = await loopbackSimulator({
    code: CODE,
    seed: 31,
    callsPerDay: 10_000,
    now: () => NOW,
    publicBaseUrl: "",
    rateLimit: 100_000,
  });
  const handle = server.simulator.handle.bind(server.simulator);
  server.simulator.handle = async (request, ip) => {
    if (new URL(request.url).pathname.startsWith("/hub/cdr")) {
      const text = await request.clone().text();
      if (text.includes("2024")) hits++;
    }
    return handle(request, ip);
  };
  Object.assign(process.env, {
    VOICENTER_CODE: CODE,
    VOICENTER_API_URL: `${server.url}/hub/cdr/`,
    VOICENTER_RATE_LIMIT: "600",
    CALLBOARD_DATA_DIR: dataDir,
    CALLBOARD_BACKFILL_DAYS: "0",
  });
  delete process.env.CALLBOARD_STORE;
  useLiveToken("viewer");
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await (await import("@/lib/store/process")).getCallStore()?.server.settled();
  const { closeDatabase } = await import("@/lib/db/connection");
  await closeDatabase();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const day = (d: number) => `2024-06-${String(d).padStart(2, "0")}T00:00:00Z`;
const range = (from: number, to: number) => `from=${day(from)}&to=${day(to)}`;

describe("GET /api/calls as NDJSON", () => {
  it("streams progress and the calls as they come, then a summary; the plain answer agrees", async () => {
    const response = await GET(streamRequest(range(16, 18)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const events = await readAllEvents(response);
    const progress = events.filter((e) => e.type === "progress");
    expect(progress.length).toBeGreaterThan(2);
    const last = progress.at(-1);
    expect(last?.windowsPlanned).toBeGreaterThan(1);
    expect(last?.windowsDone).toBe(last?.windowsPlanned);
    expect(last?.expected).toBeGreaterThan(15_000);
    const loaded = progress.map((p) => p.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(events.filter((e) => e.type === "calls").length).toBeGreaterThan(1);
    const summary = events.at(-1);
    expect(summary).toMatchObject({ type: "summary", complete: true });
    const ids = streamedIds(events);
    expect(new Set(ids).size).toBe(ids.length);
    const truth = simulatedCallIds(
      server.simulator,
      { from: Date.parse(day(16)), to: Date.parse(day(18)) - 1000 },
      NOW,
    );
    expect([...ids].sort()).toEqual([...truth].sort());
    expect(summary?.type === "summary" && summary.total).toBe(ids.length);

    // now from the store: slices in time order, the first one small
    await (await import("@/lib/store/process")).getCallStore()?.server.settled();
    const before = hits;
    const again = await readAllEvents(await GET(streamRequest(`${range(16, 18)}&type=1`)));
    const plain = await GET(
      new Request(`http://localhost/api/calls?${range(16, 18)}&type=1`, authorized()),
    );
    const body = callsResponseSchema.parse(await plain.json());
    expect(streamedIds(again)).toEqual(body.calls.map((c) => c.CallID));
    expect(again.find((e) => e.type === "calls")).toMatchObject({
      calls: { length: 1_000 },
    });
    expect(hits).toBe(before);
  });

  it("stops asking the upstream when the only viewer cancels", async () => {
    server.simulator.setFaults({ latencyMs: 400 });
    try {
      const controller = new AbortController();
      const before = hits;
      const response = await GET(streamRequest(range(2, 9), controller.signal));
      const reader = readCallsEvents(response.body ?? new ReadableStream());
      // wait until the first page has come back, then leave
      for await (const event of reader) if (event.type === "calls") break;
      controller.abort(new Error("cancelled"));
      await response.body?.cancel().catch(() => undefined);
      const atCancel = hits;
      await sleep(3_000);
      const settled = hits;
      await sleep(3_000);
      // what was in flight may finish, nothing new starts
      expect(hits).toBe(settled);
      expect(settled - atCancel).toBeLessThanOrEqual(4);
      // a week of ~70,000 calls needs at least 8 requests: far fewer were made
      expect(hits - before).toBeLessThan(8);
    } finally {
      server.simulator.setFaults({ latencyMs: 0 });
    }
  });

  it("goes on for a viewer who still waits when another cancels the same load", async () => {
    server.simulator.setFaults({ latencyMs: 200 });
    try {
      const before = hits;
      const leaving = new AbortController();
      const first = await GET(streamRequest(range(10, 12), leaving.signal));
      const second = await GET(streamRequest(range(10, 12)));
      const firstEvents = readCallsEvents(first.body ?? new ReadableStream());
      for await (const event of firstEvents) if (event.type === "calls") break;
      leaving.abort(new Error("cancelled"));
      await first.body?.cancel().catch(() => undefined);
      const events = await readAllEvents(second);
      const summary = events.at(-1);
      expect(summary).toMatchObject({ type: "summary", complete: true });
      const truth = simulatedCallIds(
        server.simulator,
        { from: Date.parse(day(10)), to: Date.parse(day(12)) - 1000 },
        NOW,
      );
      expect(streamedIds(events).sort()).toEqual([...truth].sort());
      // one load for both: the second joined it and it was not started again
      expect(hits - before).toBe(summary?.type === "summary" ? summary.upstreamRequests : -1);
    } finally {
      server.simulator.setFaults({ latencyMs: 0 });
    }
  });

  it("tails the store: a call the store received after the cursor, and nothing from the upstream", async () => {
    const { GET: tail } = await import("./tail/route");
    const store = (await import("@/lib/store/process")).getCallStore();
    await store?.server.settled();
    // a range that ends now: the tail reads what the store received in its last day
    const recent = `from=${new Date(Date.now() - 2 * 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
    const ask = async (since: string) => {
      const response = await tail(
        new Request(
          `http://localhost/api/calls/tail?${recent}&since=${encodeURIComponent(since)}`,
          authorized(),
        ),
      );
      expect(response.status).toBe(200);
      return callsTailResponseSchema.parse(await response.json());
    };
    const first = await ask(new Date(Date.now() + 10 * 60_000).toISOString());
    expect(first.calls).toEqual([]);
    const before = hits;
    const late = {
      CallID: "tail-new-call-1",
      Date: new Date(Math.floor(Date.now() / 1000) * 1000 - 600_000).toISOString(),
      DialStatus: "ANSWER",
      Duration: 42,
      CdrType: 1,
    };
    await store?.remember([late], Date.now());
    const next = await ask(new Date(Date.now() - 60_000).toISOString());
    expect(next.calls).toContainEqual(
      expect.objectContaining({ CallID: late.CallID, HasRecording: false }),
    );
    expect(Date.parse(next.cursor)).toBeGreaterThan(Date.now() - 60_000);
    expect(next.intervalSeconds).toBe(60);
    expect(hits).toBe(before);
    const refused = await tail(
      new Request(`http://localhost/api/calls/tail?${recent}&since=yesterday`, authorized()),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: "bad_parameter", param: "since" },
    });
  });

  it("answers a burst of receipts bigger than one answer in parts, so what came after it is reached", async () => {
    const { GET: tail } = await import("./tail/route");
    const { MAX_TAIL } = await import("@/lib/store/tail");
    const store = (await import("@/lib/store/process")).getCallStore();
    await store?.server.settled();
    const recent = `from=${new Date(Date.now() - 2 * 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
    const since = new Date(Date.now() - 1000).toISOString();
    const ask = async (after?: string) => {
      const place = after === undefined ? "" : `&after=${encodeURIComponent(after)}`;
      const response = await tail(
        new Request(
          `http://localhost/api/calls/tail?${recent}&since=${encodeURIComponent(since)}${place}`,
          authorized(),
        ),
      );
      expect(response.status).toBe(200);
      return callsTailResponseSchema.parse(await response.json());
    };
    const start = Math.floor(Date.now() / 1000) * 1000 - 3_000_000;
    // a page's own load, just written: more calls than one answer holds, received at once
    const burst = Array.from({ length: MAX_TAIL + 7 }, (_, i) => ({
      CallID: `tail-burst-${String(i).padStart(5, "0")}`,
      Date: new Date(start + i * 100).toISOString(),
      DialStatus: "ANSWER",
      Duration: 5,
      CdrType: 1,
    }));
    await store?.remember(burst, Date.now());
    // then the sync brings one call more
    const brought = {
      ...burst[0],
      CallID: "tail-brought-after-the-burst",
      Date: new Date(start - 60_000).toISOString(),
    };
    await store?.remember([brought], Date.now() + 5);
    const seen: string[] = [];
    let answer = await ask();
    const sizes = [answer.calls.length];
    seen.push(...answer.calls.map((c) => (c as { CallID: string }).CallID));
    while (answer.more && answer.after !== undefined && sizes.length < 10) {
      answer = await ask(answer.after);
      sizes.push(answer.calls.length);
      seen.push(...answer.calls.map((c) => (c as { CallID: string }).CallID));
    }
    // two answers (the first full); the second also has what the store received just before
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toBe(MAX_TAIL);
    expect(seen).toEqual(expect.arrayContaining(burst.map((c) => c.CallID)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(brought.CallID);
    expect(Date.parse(answer.cursor)).toBeGreaterThanOrEqual(Date.parse(since));
    const refused = await tail(
      new Request(
        `http://localhost/api/calls/tail?${recent}&since=${since}&after=somewhere`,
        authorized(),
      ),
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: "bad_parameter", param: "after" },
    });
  });

  it("keeps a refused request's status: a bad parameter is 400 before any line", async () => {
    const response = await GET(streamRequest("from=2024-06-18T00:00:00Z&to=nope"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_parameter", param: "to" } });
  });
});
