import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { groupConversations } from "@/lib/conversations/group";
import { at, BASE_MS, inboundAgent, outboundAgent, record } from "@/testing/conversation-records";

import { computeCallbacks, type CallbackRow } from "./callbacks";
import { computeCallerStats } from "./callers";

const DANA_OUT = outboundAgent("A1", "Dana", "EXTDANA1");
const YOSSI = inboundAgent("A2", "Yossi", "EXTYOSI2");
const NOW = BASE_MS + 2 * 3_600_000; // 10:00Z; fixtures' times are minutes after 08:00Z

const missed = (
  CallID: string,
  when: string,
  CallerNumber: string,
  DialStatus = "ABANDONE",
  CdrType: 1 | 8 | 11 = 8,
) =>
  record({
    CallID,
    CdrType,
    when,
    CallerNumber,
    DialStatus,
    QueueName: CdrType === 8 ? "Sales" : undefined,
    DID: "0722776772",
    RingTime: 30,
  });
const callBack = (CallID: string, when: string, number: string, DialStatus = "ANSWER") =>
  record({
    CallID,
    CdrType: 4,
    when,
    TargetNumber: `972${number.slice(1)}`,
    DialStatus,
    Duration: DialStatus === "ANSWER" ? 60 : 0,
    ...DANA_OUT,
  });
const answeredIn = (CallID: string, when: string, CallerNumber: string) =>
  record({
    CallID,
    CdrType: 8,
    when,
    CallerNumber,
    QueueName: "Sales",
    RingTime: 9,
    Duration: 80,
    ...YOSSI,
  });
const smartDialer = (id: string, when: string, number: string, leg2: string): ApiCall[] => [
  record({ CallID: id, CdrType: 17, when, original: id, TargetNumber: `972${number.slice(1)}` }),
  record({
    CallID: `${id}b`,
    CdrType: 19,
    when,
    original: id,
    CallerNumber: number,
    QueueName: "Campaign",
    DialStatus: leg2,
    ...(leg2 === "ANSWER" ? YOSSI : {}),
  }),
];

/** Nine callers; the expected rows are written out in the tests. */
const CALLS: ApiCall[] = [
  // A: two misses, Dana calls back at 08:30; a third miss at 09:00 stays open
  missed("a1", "00:00", "0501111111"),
  missed("a2", "10:00", "0501111111", "NOANSWER", 1),
  callBack("a3", "30:00", "0501111111"),
  missed("a4", "60:00", "0501111111", "TIMEOUT"),
  // B: voicemail, an unanswered call back, then B calls again and Yossi answers
  missed("b1", "05:00", "0502222222", "ANSWER", 11),
  callBack("b2", "20:00", "0502222222", "NOANSWER"),
  answeredIn("b3", "40:00", "0502222222"),
  // C: answered before, missed after: open
  answeredIn("c1", "-10:00", "0503333333"),
  missed("c2", "15:00", "0503333333"),
  // D: called back in the same second
  missed("d1", "20:00", "0504444444"),
  callBack("d2", "20:00", "0504444444"),
  // F: the smart dialer reaches them, the first time they hang up waiting for an agent
  missed("f1", "00:00", "0506666666"),
  ...smartDialer("f2", "30:00", "0506666666", "ABANDONE"),
  ...smartDialer("f3", "90:00", "0506666666", "ANSWER"),
  // G: a hand-over agent B did not take is no missed call of the customer's
  record({ CallID: "g1", CdrType: 21, when: "25:00", original: "g1" }),
  record({
    CallID: "g2",
    CdrType: 22,
    when: "25:30",
    original: "g1",
    DialStatus: "NOANSWER",
    CallerNumber: "0507777777",
  }),
  // H: called back, no answer: open
  missed("h1", "00:00", "0508888888"),
  callBack("h2", "30:00", "0508888888", "NOANSWER"),
  // I: left a voicemail: open
  missed("i1", "45:00", "0509999999", "ANSWER", 11),
];

describe("computeCallbacks on hand-counted callers", () => {
  const { rows, kpis } = computeCallbacks(groupConversations(CALLS), { now: NOW });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it("lists open rows longest-waiting first, then reached rows latest first", () => {
    expect(rows.map((r) => r.key)).toEqual([
      "0508888888|h1",
      "0503333333|c2",
      "0509999999|i1",
      "0501111111|a4",
      "0506666666|f1",
      "0502222222|b1",
      "0501111111|a1",
      "0504444444|d1",
    ]);
  });

  it("A: two attempts reached by Dana's call back after 30 min; a later miss opens a new row", () => {
    expect(byKey.get("0501111111|a1")).toEqual({
      key: "0501111111|a1",
      number: "0501111111",
      displayNumber: "0501111111",
      attempts: 2,
      missedIds: ["a1", "a2"],
      firstMissedAt: Date.parse(at("00:00")),
      lastMissedAt: Date.parse(at("10:00")),
      queue: undefined,
      did: "0722776772",
      status: "reached",
      carried: false,
      closedAt: null,
      closedAs: null,
      waitingSeconds: null,
      reachedAt: Date.parse(at("30:00")),
      reachedBy: { key: "code:A1", name: "Dana" },
      reachedVia: "outbound",
      reachedConversationId: "a3",
      callbackSeconds: 1800,
    } satisfies CallbackRow);
    expect(byKey.get("0501111111|a4")).toMatchObject({
      status: "open",
      attempts: 1,
      queue: "Sales",
      waitingSeconds: 3600,
    });
  });

  it("B: the unanswered call back does not close it; B's own answered call does", () => {
    expect(byKey.get("0502222222|b1")).toMatchObject({
      reachedVia: "inbound",
      reachedBy: { key: "code:A2", name: "Yossi" },
      callbackSeconds: 2100,
    });
  });

  it("C, H and I stay open; D closes in the same second; F on the second dialler try", () => {
    expect(byKey.get("0503333333|c2")).toMatchObject({ status: "open", waitingSeconds: 6300 });
    expect(byKey.get("0508888888|h1")).toMatchObject({ status: "open", waitingSeconds: 7200 });
    expect(byKey.get("0509999999|i1")).toMatchObject({ status: "open", waitingSeconds: 4500 });
    expect(byKey.get("0504444444|d1")).toMatchObject({ status: "reached", callbackSeconds: 0 });
    expect(byKey.get("0506666666|f1")).toMatchObject({
      reachedConversationId: "f3",
      callbackSeconds: 5400,
    });
    expect(rows.some((r) => r.number === "0507777777")).toBe(false);
  });

  it("KPIs: callback rate 4 of 8, median time to callback of 0, 1800, 2100 and 5400 s", () => {
    expect(kpis).toEqual({
      rows: 8,
      open: 4,
      reached: 4,
      done: 0,
      notNeeded: 0,
      callbackRate: 0.5,
      medianTimeToCallbackSeconds: 1950,
      notCalledBack: 4,
    });
  });

  it("gives the same rows from conversations in any order", () => {
    const reversed = computeCallbacks(groupConversations(CALLS).reverse(), { now: NOW });
    expect(reversed.rows).toEqual(rows);
  });

  it("agrees with the KPI strip's count of callers not called back", () => {
    expect(computeCallerStats(CALLS).unreturnedCallers).toBe(kpis.notCalledBack);
  });

  it("keeps a row's key when new misses arrive", () => {
    const more = [...CALLS, missed("a5", "70:00", "0501111111")];
    const again = computeCallbacks(groupConversations(more), { now: NOW });
    expect(again.rows.find((r) => r.key === "0501111111|a4")).toMatchObject({
      attempts: 2,
      missedIds: ["a4", "a5"],
      lastMissedAt: Date.parse(at("70:00")),
    });
  });
});

describe("computeCallbacks with the stored work", () => {
  const ms = (minute: string) => Date.parse(at(minute));
  const P = "0501234000";
  const calls: ApiCall[] = [
    // P: two misses, marked done at 08:20; a miss after that opens a new row Yossi answers
    missed("p1", "00:00", P),
    missed("p2", "10:00", P),
    missed("p3", "40:00", P),
    answeredIn("p4", "50:00", P),
    // Q: the view starts inside its episode: q1 (07:00) is only in the stored work
    missed("q2", "30:00", "0501234001"),
    missed("q3", "35:00", "0501234001"),
    // R: work on an earlier episode that knew none of these misses
    missed("r2", "15:00", "0501234002"),
    // S: marked not needed
    missed("s1", "05:00", "0501234003"),
    // U: Dana reached them before anyone marked it done
    missed("u1", "00:00", "0501234004"),
    callBack("u2", "10:00", "0501234004"),
  ];
  const work = [
    {
      key: `${P}|p1`,
      number: P,
      firstMissedAt: ms("00:00"),
      missedIds: ["p1", "p2"],
      closedAt: ms("20:00"),
      closedAs: "done" as const,
    },
    {
      key: "0501234001|q1",
      number: "0501234001",
      firstMissedAt: ms("-60:00"),
      missedIds: ["q1", "q2"],
      closedAt: null,
      closedAs: null,
    },
    {
      key: "0501234002|r1",
      number: "0501234002",
      firstMissedAt: ms("-120:00"),
      missedIds: ["r1"],
      closedAt: null,
      closedAs: null,
    },
    {
      key: "0501234003|s1",
      number: "0501234003",
      firstMissedAt: ms("05:00"),
      missedIds: ["s1"],
      closedAt: ms("06:00"),
      closedAs: "not_needed" as const,
    },
    {
      key: "0501234004|u1",
      number: "0501234004",
      firstMissedAt: ms("00:00"),
      missedIds: ["u1"],
      closedAt: ms("30:00"),
      closedAs: "done" as const,
    },
  ];
  const { rows, kpis } = computeCallbacks(groupConversations(calls), { now: NOW, work });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  it("closes a row marked done at that instant; the next miss opens a new row", () => {
    expect(byKey.get(`${P}|p1`)).toMatchObject({
      status: "closed",
      closedAs: "done",
      closedAt: ms("20:00"),
      attempts: 2,
      reachedAt: null,
    });
    expect(byKey.get(`${P}|p3`)).toMatchObject({
      status: "reached",
      attempts: 1,
      reachedBy: { key: "code:A2", name: "Yossi" },
      callbackSeconds: 600,
    });
  });

  it("gives a row begun before the range the stored key, first miss and attempts", () => {
    expect(byKey.get("0501234001|q1")).toMatchObject({
      carried: true,
      firstMissedAt: ms("-60:00"),
      missedIds: ["q2", "q3"],
      attempts: 3,
      status: "open",
      waitingSeconds: 3 * 3600,
    });
    expect(byKey.has("0501234001|q2")).toBe(false);
  });

  it("leaves work of an earlier episode alone, and a call that reached them wins over a later mark", () => {
    expect(byKey.get("0501234002|r2")).toMatchObject({ carried: false, attempts: 1 });
    expect(byKey.get("0501234003|s1")).toMatchObject({ status: "closed", closedAs: "not_needed" });
    expect(byKey.get("0501234004|u1")).toMatchObject({
      status: "reached",
      closedAs: null,
      callbackSeconds: 600,
    });
  });

  it("orders open rows by first miss, then the closed by when they closed; counts 2 of 5", () => {
    expect(rows.map((r) => r.key)).toEqual([
      "0501234001|q1",
      "0501234002|r2",
      `${P}|p3`,
      `${P}|p1`,
      "0501234004|u1",
      "0501234003|s1",
    ]);
    expect(kpis).toEqual({
      rows: 6,
      open: 2,
      reached: 2,
      done: 1,
      notNeeded: 1,
      callbackRate: 0.4,
      medianTimeToCallbackSeconds: 600,
      notCalledBack: 2,
    });
  });
});
