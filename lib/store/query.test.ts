import { afterAll, beforeAll, expect, it } from "vitest";

import type { DatabaseHandle } from "@/lib/db/database";
import { DAY_MS } from "@/lib/time/units";
import type { Call } from "@/lib/voicenter/call";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { fetchSpanIntoStore } from "./fetch-span";
import { aggregateCalls } from "./figures";
import { countCalls, countRejections, readAnswerSlices, readCallsPage } from "./query";

/**
 * The query layer issue 10 builds on, checked against the same calls computed in plain
 * TypeScript: counts and store-only filters, pages in any order, figures by key and by hour
 * in a time zone, and the JSON slices continuing exactly where the last one ended.
 */

const CODE = "query-test-code-6120";
const DAY = Date.UTC(2024, 5, 18);

describeEachDatabase("the store's query layer", (target) => {
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;
  let calls: Call[];
  const range = { from: DAY, to: DAY + DAY_MS };

  beforeAll(async () => {
    const clock = testClock(DAY + 3 * DAY_MS);
    server = await loopbackSimulator({ code: CODE, seed: 9, now: clock.now, rateLimit: 1000 });
    handle = await target.open();
    harness = storeHarness({ handle, upstream: simulatorUpstream(server, CODE), clock });
    const result = await fetchSpanIntoStore(harness.ctx, {
      span: range,
      filterKey: "",
      purpose: "sync",
    });
    calls = result.calls;
    expect(calls.length).toBeGreaterThan(2000);
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  it("counts with the filters only the store has", async () => {
    expect(await countCalls(handle.db, range)).toBe(calls.length);
    const noAnswer = calls.filter((c) => c.DialStatus === "NOANSWER" || c.DialStatus === "BUSY");
    expect(await countCalls(handle.db, { ...range, dialStatuses: ["NOANSWER", "BUSY"] })).toBe(
      noAnswer.length,
    );
    const long = calls.filter((c) => (c.Duration ?? -1) >= 120 && (c.Duration ?? -1) <= 600);
    expect(await countCalls(handle.db, { ...range, minDuration: 120, maxDuration: 600 })).toBe(
      long.length,
    );
    const agent = calls.find((c) => c.RepresentativeCode)?.RepresentativeCode ?? "";
    expect(await countCalls(handle.db, { ...range, representativeCodes: [agent] })).toBe(
      calls.filter((c) => c.RepresentativeCode === agent).length,
    );
    expect((await countRejections(handle.db, range)).count).toBe(0);
  });

  it("reads pages in any order, missing values last, ties by Date then CallID", async () => {
    const sorted = [...calls].sort(
      (a, b) =>
        (b.Duration ?? -Infinity) - (a.Duration ?? -Infinity) ||
        (a.Date ?? "").localeCompare(b.Date ?? "") ||
        (a.CallID ?? "").localeCompare(b.CallID ?? ""),
    );
    const page = await readCallsPage(handle.db, range, {
      sort: [{ field: "Duration", order: "desc" }],
      offset: 100,
      limit: 50,
    });
    expect(page.map((c) => c.CallID)).toEqual(sorted.slice(100, 150).map((c) => c.CallID));
    expect(page[0]?.RecordURL).toBeDefined();
  });

  it("computes figures by key and by hour in a time zone", async () => {
    const byStatus = await aggregateCalls(handle.db, range, { groupBy: ["DialStatus"] });
    const expected = new Map<string, number>();
    for (const c of calls)
      expected.set(c.DialStatus ?? "", (expected.get(c.DialStatus ?? "") ?? 0) + 1);
    expect(new Map(byStatus.map((r) => [String(r.keys[0]), r.calls]))).toEqual(expected);
    const [total] = await aggregateCalls(handle.db, range, { groupBy: [] });
    expect(total?.duration).toBe(calls.reduce((s, c) => s + (c.Duration ?? 0), 0));
    expect(total?.answered).toBe(calls.filter((c) => c.DialStatus === "ANSWER").length);
    const byHour = await aggregateCalls(handle.db, range, {
      groupBy: ["hour"],
      timeZone: "Asia/Jerusalem",
    });
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Asia/Jerusalem",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    });
    const perHour = new Map<string, number>();
    for (const c of calls) {
      const key = `${local.format(new Date(c.Date ?? 0)).replace(" ", "T")}:00`;
      perHour.set(key, (perHour.get(key) ?? 0) + 1);
    }
    expect(new Map(byHour.map((r) => [String(r.keys[0]), r.calls]))).toEqual(perHour);
  });

  it("writes the /api/calls JSON in slices that continue exactly where the last ended", async () => {
    const sliced: string[] = [];
    for await (const slice of readAnswerSlices(handle.db, range, ["Duration"], 333))
      sliced.push(slice.json);
    const parsed = JSON.parse(`[${sliced.join(",")}]`) as {
      CallID: string;
      Date: string;
      Duration?: number;
    }[];
    const order = [...calls].sort(
      (a, b) =>
        (a.Date ?? "").localeCompare(b.Date ?? "") ||
        (a.CallID ?? "").localeCompare(b.CallID ?? ""),
    );
    expect(parsed.map((c) => c.CallID)).toEqual(order.map((c) => c.CallID));
    expect(Object.keys(parsed[0] ?? {}).sort()).toEqual(
      ["CallID", "Date", "Duration", "HasRecording"].sort(),
    );
    expect(FIELD_NAMES).toContain("RecordURL");
    expect(JSON.stringify(parsed)).not.toContain("RecordURL");
  });
});
