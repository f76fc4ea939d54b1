import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callsResponseSchema } from "@/lib/api/calls-response";
import {
  pagedChartsSchema,
  pagedConversationsSchema,
  pagedModeSchema,
  pagedPageSchema,
} from "@/lib/api/paged-response";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";

/**
 * The paged routes as a script calls them (live mode, an API token, the simulator over
 * HTTP, the store on): the mode switches at the threshold, pages and figures answer for the
 * whole view, the export streams every row and is audited, bad parameters are named.
 */

const CODE = "canary-Qm4x-paged-5517";
const NOW = Date.UTC(2024, 5, 20, 12);
const RANGE = "from=2024-06-17T00:00:00Z&to=2024-06-18T00:00:00Z";
const dataDir = mkdtempSync(join(tmpdir(), "callboard-route-paged-"));

type Handler = (request: Request) => Promise<Response>;
let server: SimulatorServer;
const routes: Record<string, Handler> = {};

beforeAll(async () => {
  server = await loopbackSimulator({ code: CODE, seed: 21, now: () => NOW, publicBaseUrl: "" });
  process.env.VOICENTER_CODE = CODE;
  process.env.VOICENTER_API_URL = `${server.url}/hub/cdr/`;
  process.env.CALLBOARD_DATA_DIR = dataDir;
  process.env.CALLBOARD_PAGED_THRESHOLD = "500";
  // a day here is about 3,000 records: more than the server groups at once
  process.env.CALLBOARD_FIGURES_MAX_RECORDS = "1000";
  delete process.env.CALLBOARD_STORE;
  useLiveToken("admin");
  routes.calls = (await import("../route")).GET;
  routes.mode = (await import("../mode/route")).GET;
  routes.page = (await import("./route")).GET;
  routes.figures = (await import("../figures/route")).GET;
  routes.export = (await import("../export/route")).GET;
});

afterAll(async () => {
  await (await import("@/lib/store/process")).getCallStore()?.server.settled();
  const { closeDatabase } = await import("@/lib/db/connection");
  await closeDatabase();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function get(route: string, search: string) {
  const handler = routes[route]!;
  const response = await handler(
    new Request(`http://localhost/api/calls/${route}?${search}`, authorized()),
  );
  const text = await response.text();
  expect(text).not.toContain(CODE);
  expect(text).not.toMatch(/RecordURL|\/recordings\//);
  return { status: response.status, text, response };
}

describe("the paged routes", () => {
  it("switch at the threshold, and answer for the whole view", async () => {
    const before = pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text));
    expect(before).toMatchObject({ count: 0, threshold: 500, paged: false, available: true });

    const loaded = await get("calls", RANGE);
    expect(loaded.status).toBe(200);
    const { total } = callsResponseSchema.parse(JSON.parse(loaded.text));
    await (await import("@/lib/store/process")).getCallStore()?.server.settled();
    expect(total).toBeGreaterThan(500);
    expect(pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text))).toMatchObject({
      count: total,
      paged: true,
    });

    const page = pagedPageSchema.parse(
      JSON.parse((await get("page", `${RANGE}&sort=Duration.desc&offset=100&limit=50`)).text),
    );
    expect(page.total).toBe(total);
    expect(page.calls).toHaveLength(50);
    const durations = page.calls.map((c) => Number(c.Duration ?? -1));
    expect(durations).toEqual([...durations].sort((a, b) => b - a));

    const answered = pagedPageSchema.parse(
      JSON.parse((await get("page", `${RANGE}&status=ANSWER&limit=1000`)).text),
    );
    expect(answered.calls.every((c) => c.DialStatus === "ANSWER")).toBe(true);

    const charts = pagedChartsSchema.parse(JSON.parse((await get("figures", RANGE)).text));
    expect(charts.records).toBe(total);
    expect(charts.statuses.reduce((sum, s) => sum + s.count, 0)).toBe(total);
  });

  it("keep a big range paged when a filter narrows it below the threshold", async () => {
    const { count } = pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text));
    const sample = pagedPageSchema.parse(
      JSON.parse((await get("page", `${RANGE}&limit=1000`)).text),
    );
    const ext = sample.calls.map((c) => c.TargetExtension).find((e) => typeof e === "string" && e);
    expect(ext).toBeTruthy();
    const narrowed = `${RANGE}&ext=${String(ext)}`;
    // the mode is the range's: one agent's calls of a big range stay paged
    expect(pagedModeSchema.parse(JSON.parse((await get("mode", narrowed)).text))).toMatchObject({
      count,
      paged: true,
    });
    const page = pagedPageSchema.parse(JSON.parse((await get("page", narrowed)).text));
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThan(500);
    const full = callsResponseSchema.parse(JSON.parse((await get("calls", narrowed)).text));
    expect(page.total).toBe(full.total);
  });

  it("say which parts of a range the store holds no complete fetch of", async () => {
    expect(pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text)).missing).toBe(
      undefined,
    );
    // the loaded day, with a day each side that nobody fetched
    const wide = "from=2024-06-16T00:00:00Z&to=2024-06-19T00:00:00Z";
    const { missing } = pagedModeSchema.parse(JSON.parse((await get("mode", wide)).text));
    expect(missing).toHaveLength(2);
    expect(missing).toEqual(
      expect.arrayContaining([
        { from: Date.UTC(2024, 5, 16), to: Date.UTC(2024, 5, 17) },
        { from: Date.UTC(2024, 5, 18), to: Date.UTC(2024, 5, 19) },
      ]),
    );
  });

  it("group conversations up to the server's limit, and say so beyond it", async () => {
    const { count } = pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text));
    expect(count).toBeGreaterThan(1000);
    const whole = await get("figures", `${RANGE}&part=conversations`);
    expect(whole.status).toBe(200);
    expect(pagedConversationsSchema.parse(JSON.parse(whole.text))).toEqual({
      limited: { records: count, max: 1000 },
    });
    // the charts still answer for the whole range
    const charts = pagedChartsSchema.parse(JSON.parse((await get("figures", RANGE)).text));
    expect(charts.records).toBe(count);
    // a few hours of it are grouped
    const hours = "from=2024-06-17T06:00:00Z&to=2024-06-17T07:00:00Z";
    const part = pagedConversationsSchema.parse(
      JSON.parse((await get("figures", `${hours}&part=conversations`)).text),
    );
    if ("limited" in part) throw new Error(`a few hours were refused: ${JSON.stringify(part)}`);
    const { total } = callsResponseSchema.parse(JSON.parse((await get("calls", hours)).text));
    expect(total).toBeLessThanOrEqual(1000);
    expect(part.conversations).toBeGreaterThan(0);
    expect(part.conversations).toBeLessThanOrEqual(total);
  });

  it("streams every row in the export, audited before the first byte", async () => {
    const exported = await get("export", `${RANGE}&sort=Date.desc&cols=Date,DialStatus&tz=UTC`);
    expect(exported.status).toBe(200);
    expect(exported.response.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = exported.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const { count } = pagedModeSchema.parse(JSON.parse((await get("mode", RANGE)).text));
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]).toBe("Date,Status");
    const dates = lines.slice(1).map((line) => line.split(",")[0] ?? "");
    expect(dates).toEqual([...dates].sort().reverse());

    const { getDatabase } = await import("@/lib/db");
    const { listAuditEvents } = await import("@/lib/audit/query");
    const audit = await listAuditEvents(await getDatabase(), {
      actions: ["calls.export"],
      page: 1,
      pageSize: 10,
    });
    expect(audit.events[0]?.details).toMatchObject({
      rows: count,
      columns: ["Date", "DialStatus"],
    });
  });

  it("name a bad parameter instead of failing", async () => {
    for (const [route, search, param] of [
      ["page", `${RANGE}&sort=Duration.sideways`, "sort"],
      ["page", `${RANGE}&limit=5000`, "limit"],
      ["page", `${RANGE}&tz=Mars/Base`, "tz"],
      ["figures", `${RANGE}&part=everything`, "part"],
      ["export", `${RANGE}&minDur=-3`, "minDur"],
      ["mode", "from=2024-06-18T00:00:00Z&to=2024-06-17T00:00:00Z", "to"],
    ] as const) {
      const answer = await get(route, search);
      expect(answer.status, `${route} ${search}`).toBe(400);
      expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "bad_parameter", param } });
    }
  });
});
