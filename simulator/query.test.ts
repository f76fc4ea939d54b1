import { describe, expect, it } from "vitest";

import { normalizePhone, phoneVariants } from "../lib/voicenter/phone";
import type { CdrQuery } from "../lib/voicenter/request";
import { directoryFor } from "./directory";
import { runQuery } from "./query";
import { endsAt, isVisible, VISIBILITY_DELAY_S, type SimCall } from "./sim-call";
import {
  answer,
  DAY,
  NOW,
  okCalls,
  ORIGIN,
  postRequest,
  query,
  SUNDAY,
  testSimulator,
  type TestSimulator,
} from "./test-helpers";

const MONDAY = SUNDAY + DAY;
const range = { from: MONDAY, to: MONDAY + 2 * DAY - 1000 };

/** Every visible call of the range, straight from the generator (the reference answer). */
function allCalls(sim: TestSimulator, from: number, to: number): SimCall[] {
  const calls: SimCall[] = [];
  for (let day = Math.floor(from / DAY); day <= Math.floor(to / DAY); day++) {
    for (const c of sim.store.day(day)) {
      if (c.epoch * 1000 >= from && c.epoch * 1000 <= to && isVisible(c, sim.clock.now))
        calls.push(c);
    }
  }
  return calls;
}

async function ids(sim: TestSimulator, q: CdrQuery): Promise<string[]> {
  const read = await okCalls(sim, { ...q, fields: ["CallID"] });
  return read.calls.map((c) => c.CallID ?? "");
}

describe("query filters", () => {
  const sim = testSimulator();
  const reference = allCalls(sim, range.from, range.to);

  it("returns every call of the range in Date order by default", async () => {
    const read = await okCalls(sim, range);
    expect(read.totalHits).toBe(reference.length);
    expect(read.calls.map((c) => c.CallID)).toEqual(reference.map((c) => c.callId));
  });

  it("finds a phone number written locally, internationally or with separators, as caller, target or DID", async () => {
    const counts = new Map<string, number>();
    for (const c of reference) counts.set(c.callerNumber, (counts.get(c.callerNumber) ?? 0) + 1);
    const [local] = [...counts.entries()]
      .filter(([n]) => n.startsWith("05"))
      .sort((a, b) => b[1] - a[1])[0] ?? [""];
    const national = local.slice(1);
    const expected = reference
      .filter((c) =>
        [c.callerNumber, c.targetNumber, c.did].some((n) => n === local || n === `972${national}`),
      )
      .map((c) => c.callId);
    expect(expected.length).toBeGreaterThan(1);
    for (const spelling of [
      local,
      `972${national}`,
      `+972-${national.slice(0, 2)}-${national.slice(2)}`,
    ]) {
      expect(await ids(sim, { ...range, phones: [spelling] })).toEqual(expected);
    }
    const did = directoryFor(42).queues[0]?.did.local ?? "";
    const byDid = await okCalls(sim, {
      ...range,
      phones: [did],
      fields: ["DID", "CallerNumber", "TargetNumber"],
    });
    expect(byDid.totalHits).toBeGreaterThan(10);
  });

  it("writes every number so that matching by the contract's phoneVariants equals comparing normalizePhone", () => {
    for (const c of reference) {
      for (const n of [c.callerNumber, c.targetNumber, c.did]) {
        const normalized = normalizePhone(n);
        if (normalized !== undefined) expect(phoneVariants(normalized)).toContain(n);
      }
    }
  });

  it("filters by extension (target or caller), call type, queue, campaign and call id", async () => {
    const agent = directoryFor(42).agents[0];
    const ext = agent?.extension ?? "";
    expect(await ids(sim, { ...range, extensions: [ext] })).toEqual(
      reference
        .filter((c) => c.targetExtension === ext || c.callerExtension === ext)
        .map((c) => c.callId),
    );
    expect(await ids(sim, { ...range, cdrTypes: [4, 23] })).toEqual(
      reference.filter((c) => c.cdrType === 4 || c.cdrType === 23).map((c) => c.callId),
    );
    const queue = directoryFor(42).queues[3];
    const inQueue = await okCalls(sim, {
      ...range,
      queueIds: [queue?.id ?? 0],
      fields: ["QueueName"],
    });
    expect(inQueue.totalHits).toBeGreaterThan(50);
    expect(new Set(inQueue.calls.map((c) => c.QueueName))).toEqual(new Set([queue?.name]));
    const campaign = directoryFor(42).campaigns[0];
    const inCampaign = await okCalls(sim, {
      ...range,
      campaignIds: [campaign?.id ?? 0],
      fields: ["CdrType"],
    });
    expect(inCampaign.totalHits).toBe(reference.filter((c) => c.campaign === campaign).length);
    expect(inCampaign.calls.every((c) => [14, 15, 16].includes(c.CdrType ?? 0))).toBe(true);
    const one = reference[100];
    expect(await ids(sim, { ...range, callId: one?.callId })).toEqual([one?.callId]);
  });

  it("scopes by IdentityCriteria: Account = Hierarchical = everything, Department = the main account, User = one agent", async () => {
    const all = reference.length;
    for (const identityCriteria of ["Account", "Hierarchical"] as const) {
      expect((await okCalls(sim, { ...range, identityCriteria })).totalHits).toBe(all);
    }
    const department = await okCalls(sim, {
      ...range,
      identityCriteria: "Department",
      fields: ["DepartmentName"],
    });
    expect(department.totalHits).toBeGreaterThan(0);
    expect(department.totalHits).toBeLessThan(all);
    expect(new Set(department.calls.map((c) => c.DepartmentName))).toEqual(
      new Set([directoryFor(42).mainDepartment.name]),
    );

    const code = reference.find((c) => c.loggedIn && c.agent)?.agent?.code ?? "";
    const user = await okCalls(sim, {
      ...range,
      identityCriteria: "User",
      userCode: code,
      fields: ["RepresentativeCode"],
    });
    expect(user.totalHits).toBeGreaterThan(5);
    expect(user.calls.every((c) => c.RepresentativeCode === code)).toBe(true);

    const missing = await answer(
      sim,
      postRequest({
        code: "demo",
        search: { fromdate: "2024-06-10", todate: "2024-06-11", IdentityCriteria: "User" },
      }),
    );
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ ERROR_NUMBER: 3, STATUS_CODE: 400 });
  });

  it("sorts by several keys, stably", async () => {
    const read = await okCalls(sim, {
      ...range,
      cdrTypes: [8],
      sort: [
        { field: "QueueName", order: "asc" },
        { field: "Duration", order: "desc" },
      ],
      fields: ["QueueName", "Duration", "CallID"],
    });
    const rows = read.calls.map((c) => [c.QueueName ?? "", c.Duration ?? 0] as const);
    for (let i = 1; i < rows.length; i++) {
      const [q0, d0] = rows[i - 1] ?? ["", 0];
      const [q1, d1] = rows[i] ?? ["", 0];
      expect(q0 < q1 || (q0 === q1 && d0 >= d1)).toBe(true);
    }
    const again = await okCalls(sim, {
      ...range,
      cdrTypes: [8],
      sort: [
        { field: "QueueName", order: "asc" },
        { field: "Duration", order: "desc" },
      ],
      fields: ["CallID"],
    });
    expect(again.calls.map((c) => c.CallID)).toEqual(read.calls.map((c) => c.CallID));
  });
});

describe("the 10,000-record cap", () => {
  const sim = testSimulator({ callsPerDay: 20_000 });
  const twoDays = { from: MONDAY, to: MONDAY + 2 * DAY - 1000 };

  it("returns the first 10,000 after sorting with the true TOTAL_HITS", async () => {
    const reference = allCalls(sim, twoDays.from, twoDays.to);
    expect(reference.length).toBeGreaterThan(30_000);
    const { json, read } = await answer(
      sim,
      postRequest({
        code: "demo",
        fromdate: "2024-06-10T00:00:00",
        todate: "2024-06-11T23:59:59",
        fields: ["CallID"],
      }),
    );
    expect(json).toMatchObject({ TOTAL_HITS: reference.length, RETURN_HITS: 10_000 });
    expect((json.CDR_LIST as unknown[]).length).toBe(10_000);
    if (read.kind !== "ok") throw new Error("expected calls");
    expect(read.calls.map((c) => c.CallID)).toEqual(
      reference.slice(0, 10_000).map((c) => c.callId),
    );

    const longest = await okCalls(sim, {
      ...twoDays,
      sort: [{ field: "Duration", order: "desc" }],
      fields: ["CallID", "Duration"],
    });
    const expected = [...reference].sort((a, b) => b.duration - a.duration).slice(0, 10_000);
    expect(longest.calls.map((c) => c.CallID)).toEqual(expected.map((c) => c.callId));
  });
});

describe("time", () => {
  it("shows a call only once it ended two minutes ago, and nothing in the future", async () => {
    const sim = testSimulator();
    const read = await okCalls(sim, {
      from: NOW - DAY,
      to: NOW + DAY,
      fields: ["CallID", "DateEpoch"],
    });
    const known = new Map(sim.store.day(Math.floor(NOW / DAY)).map((c) => [c.callId, c]));
    expect(read.totalHits).toBeGreaterThan(100);
    for (const c of read.calls) {
      const call = known.get(c.CallID ?? "");
      if (call) expect((endsAt(call) + VISIBILITY_DELAY_S) * 1000).toBeLessThanOrEqual(NOW);
    }
    const pending = sim.store
      .day(Math.floor(NOW / DAY))
      .filter((c) => c.epoch * 1000 <= NOW && !isVisible(c, NOW));
    expect(pending.length).toBeGreaterThan(0);
    sim.clock.now = NOW + 3 * 3_600_000;
    const later = await okCalls(sim, { from: NOW - DAY, to: NOW + DAY, fields: ["CallID"] });
    const laterIds = new Set(later.calls.map((c) => c.CallID));
    expect(pending.every((c) => laterIds.has(c.callId))).toBe(true);
  });

  it("keeps memory flat over a 90-day query: days are generated one at a time and the cache stays bounded", () => {
    const sim = testSimulator();
    const outcome = runQuery(
      { from: NOW - 90 * DAY, to: NOW, sort: [{ field: "Duration", order: "desc" }] },
      { store: sim.store, publicBaseUrl: ORIGIN, now: NOW },
    );
    expect(outcome.ok && outcome.totalHits).toBeGreaterThan(150_000);
    expect(outcome.ok && outcome.calls.length).toBe(10_000);
    expect(sim.store.cachedDays()).toBeLessThanOrEqual(64);
    expect(sim.store.cachedDays()).toBeGreaterThan(0);
  });

  it("answers a query by the contract's own reader for ranges with no calls", async () => {
    const sim = testSimulator();
    const read = await query(sim, { from: NOW + DAY, to: NOW + 2 * DAY });
    expect(read).toMatchObject({ kind: "ok", totalHits: 0, returnHits: 0, calls: [] });
  });
});
