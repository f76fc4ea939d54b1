import { afterAll, beforeAll, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import type { DatabaseHandle } from "@/lib/db/database";
import { fetchSpanIntoStore } from "@/lib/store/fetch-span";
import type { StoreFilter } from "@/lib/store/filter";
import { DAY_MS } from "@/lib/time/units";
import { normalizePhone, phoneVariants } from "@/lib/voicenter/phone";
import { describeEachDatabase } from "@/testing/database/each-database";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";
import {
  simulatorUpstream,
  storeHarness,
  testClock,
  type StoreHarness,
} from "@/testing/store/harness";

import { rangeOf, upstreamTest } from "./narrowed";
import { readCompact, readyRecordsOf, recordsOf } from "./record-sets";

/**
 * A view narrowed by upstream filters, answered from its range's held records: the same
 * records the store's SQL reads for it (every filter, every spelling of a number), and no
 * read of the database while the range's records are held.
 */

const CODE = "narrowed-test-code-7702";
const DAY = Date.UTC(2024, 5, 19);

describeEachDatabase("narrowing held records", (target) => {
  let server: SimulatorServer;
  let handle: DatabaseHandle;
  let harness: StoreHarness;
  let calls: ApiCall[];
  const range = { from: DAY, to: DAY + DAY_MS };

  beforeAll(async () => {
    const clock = testClock(DAY + 2 * DAY_MS);
    server = await loopbackSimulator({ code: CODE, seed: 9, now: clock.now, rateLimit: 1000 });
    handle = await target.open();
    harness = storeHarness({ handle, upstream: simulatorUpstream(server, CODE), clock });
    await fetchSpanIntoStore(harness.ctx, { span: range, filterKey: "", purpose: "sync" });
    calls = await readCompact(handle.db, range);
    expect(calls.length).toBeGreaterThan(1000);
  });

  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  function narrowings(): StoreFilter[] {
    const agent = calls.find((c) => c.TargetExtension && c.CdrType === 8);
    const caller = calls.find((c) => c.CallerNumber && normalizePhone(c.CallerNumber));
    const normalized = normalizePhone(caller?.CallerNumber ?? "") ?? "";
    // the number as another spelling than the record's (local or international)
    const other = phoneVariants(normalized).find((v) => v !== caller?.CallerNumber) ?? normalized;
    const did = calls.find((c) => c.DID)?.DID ?? "";
    return [
      { ...range, extensions: [agent?.TargetExtension ?? ""] },
      { ...range, extensions: [` ${agent?.TargetExtension ?? ""} `, "no-such-extension"] },
      { ...range, phones: [normalized] },
      { ...range, phones: [other, did] },
      { ...range, cdrTypes: [1] },
      { ...range, cdrTypes: [1, 8], extensions: [agent?.TargetExtension ?? ""] },
      { ...range, callId: ` ${calls[17]?.CallID ?? ""} ` },
      { ...range, callId: "no-such-call" },
    ];
  }

  it("finds what the store's SQL finds, for every upstream filter", async () => {
    const found: number[] = [];
    for (const filter of narrowings()) {
      const test = upstreamTest(filter);
      expect(test, JSON.stringify(filter)).toBeDefined();
      const bySql = await readCompact(handle.db, filter);
      expect(calls.filter(test!), JSON.stringify(filter)).toEqual(bySql);
      found.push(bySql.length);
    }
    // each finds some and not all, but the call that is not there
    expect(found.map((n) => n > 0 && n < calls.length)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    // filters that narrow by nothing, or by what only the columns hold, are not tests
    expect(upstreamTest(range)).toBeUndefined();
    expect(upstreamTest({ ...range, cdrTypes: [1], dialStatuses: ["ANSWER"] })).toBeUndefined();
  });

  it("answers a narrowed view from the held range without reading the database", async () => {
    let reads = 0;
    const db = {
      execute: ((...args: Parameters<DatabaseHandle["db"]["execute"]>) => {
        reads++;
        return handle.db.execute(...args);
      }) as DatabaseHandle["db"]["execute"],
    };
    const [filter] = narrowings();
    if (!filter) throw new Error("no narrowing");
    // not held yet: no records, and none read
    expect(readyRecordsOf(db, filter)).toBeUndefined();
    const whole = await recordsOf(db, rangeOf(filter));
    const before = reads;
    expect(before).toBeGreaterThan(0);
    const narrowed = readyRecordsOf(db, filter);
    expect(narrowed).toEqual(await readCompact(handle.db, filter));
    expect(await recordsOf(db, filter)).toBe(narrowed);
    expect(reads).toBe(before);
    expect(whole.length).toBeGreaterThan(narrowed?.length ?? Infinity);
  });
});
