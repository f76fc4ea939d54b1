import { afterAll, beforeAll, expect, it, vi } from "vitest";

import { callsResponseSchema, toApiCall, type ApiCall } from "@/lib/api/calls-response";
import type { DatabaseHandle } from "@/lib/db/database";
import { fetchAllCalls } from "@/lib/server/fetch-all-calls";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { toCdrQuery, type CallsQuery } from "@/lib/view-state/calls-params";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import { normalizePhone } from "@/lib/voicenter/phone";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { createBackfill } from "./backfill";
import { runSyncCycle } from "./sync";

/**
 * Store vs upstream: once synced, for every filter the store answers, its answer is exactly
 * what a direct upstream query returns (the same calls, the same fields, the same order),
 * without an upstream request. Spans it does not cover are fetched once, then covered.
 */

const CODE = "serve-test-code-8810";
const NOW = Date.UTC(2024, 5, 20, 9, 30); // a Thursday morning
const clock = testClock(NOW);

function parse(body: readonly Uint8Array[]): {
  calls: ApiCall[];
  upstreamRequests: number;
  total: number;
  complete: boolean;
  rejected: { count: number };
} {
  const text = Buffer.concat(body.map((b) => Buffer.from(b))).toString("utf8");
  return callsResponseSchema.parse(JSON.parse(text));
}

describeEachDatabase("the store's answers", (target) => {
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;

  async function direct(query: CallsQuery): Promise<ApiCall[]> {
    const result = await fetchAllCalls(
      { fetchPage: harness.direct.forPurpose("interactive"), now: clock.now },
      { ...toCdrQuery(query), fields: [...FIELD_NAMES] },
    );
    expect(result.complete).toBe(true);
    return result.calls.map((call) => toApiCall(call, query.fields ?? FIELD_NAMES));
  }

  async function fromStore(query: CallsQuery) {
    const answer = await harness.store.server.answer(query, { mode: "live" });
    if (!answer) throw new Error("the store did not answer");
    return parse(answer.body);
  }

  beforeAll(async () => {
    server = await loopbackSimulator({ code: CODE, seed: 11, now: clock.now, rateLimit: 10_000 });
    handle = await target.open();
    harness = storeHarness({
      handle,
      upstream: simulatorUpstream(server, CODE),
      clock,
      settings: { backfillDays: 3 },
    });
    expect((await runSyncCycle(harness.ctx)).ok).toBe(true);
    const backfill = createBackfill(harness.ctx);
    for (let i = 0; i < 20; i++) {
      const step = await backfill.step();
      if (step.kind === "done") break;
      expect(step.kind).toBe("fetched");
    }
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  const range = { from: NOW - 2 * DAY_MS - 5 * HOUR_MS, to: NOW - 20 * 60_000 };

  it("answers every filter it can exactly as the upstream does, with no upstream request", async () => {
    const sample = (await direct({ ...range })).filter((c, i) => i % 97 === 0);
    const pick = <K extends keyof ApiCall>(key: K, test: (v: ApiCall[K]) => boolean) => {
      const found = sample.find((c) => test(c[key]));
      if (!found) throw new Error(`no sample call with a usable ${String(key)}`);
      return found[key] as string;
    };
    const localCaller = pick("CallerNumber", (v) => typeof v === "string" && /^0\d{8,9}$/.test(v));
    const did = pick("DID", (v) => typeof v === "string" && v.length > 5);
    const target = pick("TargetNumber", (v) => typeof v === "string" && /^972\d+$/.test(v));
    const targetExt = pick("TargetExtension", (v) => typeof v === "string" && v.length > 0);
    const callerExt = pick("CallerExtension", (v) => typeof v === "string" && v.length > 0);
    const callId = pick("CallID", () => true);
    const phone = (text: string) => normalizePhone(text) ?? text;

    const queries: CallsQuery[] = [
      { ...range },
      { ...range, phones: [phone(localCaller)] },
      { ...range, phones: [phone(did)] },
      { ...range, phones: [phone(target), phone(localCaller)] },
      { ...range, extensions: [targetExt] },
      { ...range, extensions: [callerExt, targetExt] },
      { ...range, cdrTypes: [1, 8] },
      { ...range, cdrTypes: [4] },
      { ...range, callId },
      { ...range, cdrTypes: [8], extensions: [targetExt] },
      { ...range, scope: { criteria: "Account" }, fields: ["Date", "Duration", "DialStatus"] },
    ];
    for (const query of queries) {
      const upstream = await direct(query);
      expect(upstream.length, JSON.stringify(query)).toBeGreaterThan(0);
      const stored = await fromStore(query);
      expect(stored.upstreamRequests, JSON.stringify(query)).toBe(0);
      expect(stored.complete).toBe(true);
      expect(stored.total).toBe(upstream.length);
      expect(stored.calls, JSON.stringify(query)).toEqual(upstream);
    }
  });

  it("declines the filters the records cannot answer", async () => {
    expect(
      await harness.store.server.answer({ ...range, queueIds: [1] }, { mode: "live" }),
    ).toBeUndefined();
    expect(
      await harness.store.server.answer({ ...range, campaignIds: [2] }, { mode: "live" }),
    ).toBeUndefined();
    expect(
      await harness.store.server.answer(
        { ...range, scope: { criteria: "Department" } },
        { mode: "live" },
      ),
    ).toBeUndefined();
  });

  it("fetches a span it does not cover once, then answers it from the store", async () => {
    const old = { from: NOW - 10 * DAY_MS, to: NOW - 9 * DAY_MS };
    const first = await fromStore(old);
    expect(first.upstreamRequests).toBeGreaterThan(0);
    expect(first.calls).toEqual(await direct(old));
    const again = await fromStore(old);
    expect(again.upstreamRequests).toBe(0);
    expect(again.calls).toEqual(first.calls);
    // a filtered query over a span nobody fetched whole: fetched with its filters, covered for them
    const filtered = { from: NOW - 20 * DAY_MS, to: NOW - 19 * DAY_MS, cdrTypes: [4] as const };
    const f1 = await fromStore({ ...filtered, cdrTypes: [4] });
    expect(f1.upstreamRequests).toBe(1);
    expect(f1.calls).toEqual(await direct({ ...filtered, cdrTypes: [4] }));
    expect((await fromStore({ ...filtered, cdrTypes: [4] })).upstreamRequests).toBe(0);
    // the same span with other filters is not covered by that fetch
    expect((await fromStore({ ...filtered, cdrTypes: [1] })).upstreamRequests).toBe(1);
  });

  it("charges a gap it fetches to whoever asked, in the governor's fair share", async () => {
    const owners: (string | undefined)[] = [];
    const forPurpose = harness.requester.forPurpose.bind(harness.requester);
    const spy = vi.spyOn(harness.requester, "forPurpose").mockImplementation((purpose) => {
      const fetchPage = forPurpose(purpose);
      return (page, opts) => {
        owners.push(opts.owner);
        return fetchPage(page, opts);
      };
    });
    try {
      const gap = { from: NOW - 30 * DAY_MS, to: NOW - 29 * DAY_MS };
      const answer = await harness.store.server.answer(gap, { mode: "live", owner: "user:u-9" });
      expect(answer && parse(answer.body).upstreamRequests).toBeGreaterThan(0);
      const streamed = harness.store.server.stream(
        { from: NOW - 32 * DAY_MS, to: NOW - 31 * DAY_MS },
        { mode: "live", owner: "token:t-3" },
      );
      for await (const _item of streamed ?? []) void _item;
      expect(owners.length).toBeGreaterThan(1);
      expect(new Set(owners)).toEqual(new Set(["user:u-9", "token:t-3"]));
    } finally {
      spy.mockRestore();
    }
  });

  it("treats the time after the sync's edge as covered while the sync keeps up", async () => {
    const recent = { from: NOW - HOUR_MS, to: NOW + 2 * HOUR_MS };
    const answer = await fromStore(recent);
    expect(answer.upstreamRequests).toBe(0);
    expect(answer.calls).toEqual(await direct({ from: NOW - HOUR_MS, to: NOW }));
  });
});
