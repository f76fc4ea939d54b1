import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { adminSyncReportSchema, resyncResultSchema } from "@/lib/api/admin-sync";
import { apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";

/**
 * The admin sync routes, real handlers in live mode against the simulator over HTTP, the
 * embedded database in a folder of its own: the report, and "re-sync this range" with its
 * refusals named.
 */

const CODE = "canary-Vb2n-admin-1180";
const dataDir = mkdtempSync(join(tmpdir(), "callboard-admin-sync-"));
let server: SimulatorServer;
let GET: (request: Request) => Promise<Response>;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  server = await loopbackSimulator({ code: CODE, seed: 4 });
  process.env.VOICENTER_CODE = CODE;
  process.env.VOICENTER_API_URL = `${server.url}/hub/cdr/`;
  process.env.CALLBOARD_DATA_DIR = dataDir;
  useLiveToken("admin");
  GET = (await import("./route")).GET;
  POST = (await import("./resync/route")).POST;
});

afterAll(async () => {
  const { closeDatabase } = await import("@/lib/db/connection");
  await closeDatabase();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const resync = (body: unknown) =>
  POST(
    new Request(
      "http://localhost/api/admin/sync/resync",
      authorized({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    ),
  );

describe("/api/admin/sync", () => {
  it("re-syncs a range, then reports it among the coverage and the requests of the hour", async () => {
    const to = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
    const from = new Date(to.getTime() - 6 * 3_600_000);
    const response = await resync({ from: from.toISOString(), to: to.toISOString() });
    expect(response.status).toBe(200);
    const result = resyncResultSchema.parse(await response.json());
    expect(result).toMatchObject({ complete: true, requests: 1 });
    expect(result.calls).toBeGreaterThan(0);

    const { requestLog } = await import("@/lib/store/process").then(
      (m) => m.getCallStore() ?? { requestLog: undefined },
    );
    await requestLog?.flush();
    const report = adminSyncReportSchema.parse(
      await (await GET(new Request("http://localhost/api/admin/sync", authorized()))).json(),
    );
    expect(report.enabled).toBe(true);
    // the part that ended three hours before the fetch is final, the rest still refreshed
    const settledTo = new Date(to.getTime() - 2 * 3_600_000).toISOString();
    const complete = report.coverage.filter((s) => s.complete);
    expect(complete.map((s) => [s.from, s.settled])).toEqual([
      [from.toISOString(), true],
      [expect.any(String), false],
    ]);
    // settled: what ended three hours before the fetch, which on a busy machine may come a
    // minute or more after `to` was chosen
    const split = Date.parse(complete[1]?.from ?? "");
    expect(split).toBeGreaterThanOrEqual(Date.parse(settledTo));
    expect(split).toBeLessThanOrEqual(Date.now() - 3 * 3_600_000);
    expect(complete[1]?.to).toBe(to.toISOString());
    expect(report.requestsPerHour.reduce((sum, h) => sum + h.sync, 0)).toBeGreaterThanOrEqual(1);
    expect(report.budget.used).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(report)).not.toContain(CODE);
  });

  it.each([
    [{ from: "2024-06-01T00:00:00Z" }, "to"],
    [{ from: "2024-06-01T00:00:00", to: "2024-06-02T00:00:00Z" }, "from"],
    [
      { from: new Date(Date.now() - 9 * 86_400_000).toISOString(), to: new Date().toISOString() },
      "to",
    ],
    [
      {
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() - 7_200_000).toISOString(),
      },
      "to",
    ],
    ["not json", "body"],
  ])("refuses %j with a 400 naming %s", async (body, param) => {
    const response = await resync(body);
    expect(response.status).toBe(400);
    const { error } = apiErrorEnvelopeSchema.parse(await response.json());
    expect(error).toMatchObject({ code: "bad_parameter", param });
  });
});
