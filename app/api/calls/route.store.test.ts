import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callsResponseSchema } from "@/lib/api/calls-response";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, simulatedCallIds, type SimulatorServer } from "@/testing/simulator";

/**
 * The real route with the call store on (the default): live mode against the simulator over
 * HTTP, the embedded database in a folder of its own. A span is fetched from the upstream
 * once; after that every question about it — the same, narrower, or other fields — is
 * answered from the store, with the same calls, and the recording links stay on the server.
 */

const CODE = "canary-Hp3w-store-7720";
const NOW = Date.UTC(2024, 5, 20, 12);
const dataDir = mkdtempSync(join(tmpdir(), "callboard-route-store-"));

let server: SimulatorServer;
let GET: (request: Request) => Promise<Response>;
let upstreamHits = 0;

beforeAll(async () => {
  server = await loopbackSimulator({ code: CODE, seed: 12, now: () => NOW, publicBaseUrl: "" });
  const handle = server.simulator.handle.bind(server.simulator);
  server.simulator.handle = (request, ip) => {
    if (new URL(request.url).pathname.startsWith("/hub/cdr")) upstreamHits++;
    return handle(request, ip);
  };
  process.env.VOICENTER_CODE = CODE;
  process.env.VOICENTER_API_URL = `${server.url}/hub/cdr/`;
  process.env.CALLBOARD_DATA_DIR = dataDir;
  useLiveToken("viewer");
  delete process.env.CALLBOARD_STORE;
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await (await import("@/lib/store/process")).getCallStore()?.server.settled();
  const { closeDatabase } = await import("@/lib/db/connection");
  await closeDatabase();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function get(search: string) {
  const response = await GET(new Request(`http://localhost/api/calls?${search}`, authorized()));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  expect(text).not.toContain(CODE);
  expect(text).not.toMatch(/RecordURL|\/recordings\//);
  return { response, body: callsResponseSchema.parse(JSON.parse(text)) };
}

const RANGE = "from=2024-06-17T00:00:00Z&to=2024-06-18T00:00:00Z";

describe("GET /api/calls with the call store", () => {
  it("fetches an uncovered span once, then answers narrower questions from the store", async () => {
    const first = await get(RANGE);
    expect(first.body.complete).toBe(true);
    expect(first.body.upstreamRequests).toBeGreaterThan(0);
    const truth = simulatedCallIds(
      server.simulator,
      { from: Date.parse("2024-06-17T00:00:00Z"), to: Date.parse("2024-06-17T23:59:59Z") },
      NOW,
    );
    expect(first.body.calls.map((c) => c.CallID).sort()).toEqual([...truth].sort());

    const before = upstreamHits;
    const narrower = await get(`${RANGE}&type=1,8&fields=Duration,DialStatus`);
    expect(narrower.body.upstreamRequests).toBe(0);
    expect(narrower.body.calls.length).toBeGreaterThan(0);
    expect(
      narrower.body.calls.every((c) => c.CdrType === undefined && c.Duration !== undefined),
    ).toBe(true);
    const part = await get("from=2024-06-17T08:00:00Z&to=2024-06-17T09:00:00Z");
    expect(part.body.calls).toEqual(
      first.body.calls.filter(
        (c) => (c.Date ?? "") >= "2024-06-17T08:00:00" && (c.Date ?? "") < "2024-06-17T09:00:00",
      ),
    );
    expect(upstreamHits).toBe(before);
  });

  it("still sends queue filters upstream (the records do not carry queue ids)", async () => {
    const before = upstreamHits;
    const queue = await get(`${RANGE}&queue=1`);
    expect(queue.body.upstreamRequests).toBeGreaterThan(0);
    expect(upstreamHits).toBeGreaterThan(before);
  });
});
