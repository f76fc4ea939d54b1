import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { inboundAgent, outboundAgent, record } from "@/testing/conversation-records";

import { computeAgentStats, involvesAgent, type AgentRow } from "./agents";

const DANA = inboundAgent("A1", "Dana", "EXTDANA1");
const DANA_OUT = outboundAgent("A1", "Dana", "EXTDANA1");
const YOSSI = inboundAgent("A2", "Yossi", "EXTYOSI2");
/** Noa never logs in: her records carry only her UserName and extension. */
const NOA = { UserName: "Noa", TargetExtension: "EXTNOA03" };

/** Twelve conversations, counted by hand per agent below. */
const DAY = [
  record({
    CallID: "c1",
    CdrType: 8,
    when: "00:00",
    RingTime: 10,
    Duration: 100,
    HasRecording: true,
    ...DANA,
  }),
  record({
    CallID: "c2",
    CdrType: 8,
    when: "01:00",
    RingTime: 30,
    Duration: 200,
    Price: 6,
    ...DANA,
  }),
  // Yossi answers, then transfers the customer to Dana's extension
  record({
    CallID: "c3",
    CdrType: 8,
    when: "02:00",
    CallerNumber: "0501111111",
    RingTime: 5,
    Duration: 60,
    HasRecording: true,
    ...YOSSI,
  }),
  record({
    CallID: "c3x",
    CdrType: 13,
    when: "03:05",
    original: "c3",
    CallerNumber: "0501111111",
    TargetExtension: "EXTDANA1",
    Duration: 40,
    ...outboundAgent("A2", "Yossi", "EXTYOSI2"),
  }),
  record({ CallID: "c4", CdrType: 1, when: "04:00", DialStatus: "NOANSWER", RingTime: 30, ...NOA }),
  record({ CallID: "c5", CdrType: 1, when: "05:00", RingTime: 4, Duration: 50, ...NOA }),
  record({
    CallID: "c6",
    CdrType: 1,
    when: "06:00",
    DialStatus: "NOANSWER",
    UserName: "Reception",
    TargetExtension: "EXTRECP0",
  }),
  record({
    CallID: "c7",
    CdrType: 4,
    when: "07:00",
    TargetNumber: "972502222222",
    Duration: 150,
    Price: 16,
    HasRecording: true,
    ...DANA_OUT,
  }),
  record({
    CallID: "c8",
    CdrType: 4,
    when: "08:00",
    DialStatus: "NOANSWER",
    RingTime: 45,
    ...DANA_OUT,
  }),
  // the dialer rings Dana, who does not answer: the lead is never called
  record({
    CallID: "c9",
    CdrType: 14,
    when: "09:00",
    original: "c9",
    DialStatus: "NOANSWER",
    ...DANA,
  }),
  record({
    CallID: "c9b",
    CdrType: 15,
    when: "09:30",
    original: "c9",
    DialStatus: "NOTCALLED",
    ...DANA_OUT,
  }),
  // Dana consults Yossi, who does not answer
  record({
    CallID: "c10",
    CdrType: 21,
    when: "10:00",
    original: "c10",
    DialStatus: "NOANSWER",
    TargetExtension: "EXTYOSI2",
    ...DANA_OUT,
  }),
  record({ CallID: "c10b", CdrType: 22, when: "10:30", original: "c10", DialStatus: "NOTCALLED" }),
  // Dana answers at her extension without logging in
  record({
    CallID: "c11",
    CdrType: 1,
    when: "11:00",
    RingTime: 6,
    Duration: 30,
    UserName: "Dana",
    TargetExtension: "EXTDANA1",
  }),
  // a call forwarded to Noa's mobile, unanswered
  record({
    CallID: "c12",
    CdrType: 23,
    when: "12:00",
    DialStatus: "NOANSWER",
    UserName: "Noa",
    CallerExtension: "EXTNOA03",
  }),
];

describe("computeAgentStats on a hand-counted day", () => {
  const rows = computeAgentStats(groupConversations(DAY));
  const row = (key: string): AgentRow => rows.find((r) => r.key === key)!;

  it("has one row per person, busiest first, a not-logged-in Dana folded into her code", () => {
    expect(rows.map((r) => [r.key, r.name])).toEqual([
      ["code:A1", "Dana"],
      ["code:A2", "Yossi"],
      ["user:Noa", "Noa"],
      ["user:Reception", "Reception"],
    ]);
    expect(row("code:A1").aliases).toEqual(["code:A1", "user:Dana"]);
  });

  it("Dana: 3 answered, 1 missed ring, 3 attempts (1 connected), talk incl. the transfer she took", () => {
    expect(row("code:A1")).toEqual({
      key: "code:A1",
      name: "Dana",
      code: "A1",
      extensions: ["EXTDANA1"],
      aliases: ["code:A1", "user:Dana"],
      inboundAnswered: 3,
      missed: 1,
      outboundAttempts: 3,
      outboundConnected: 1,
      handled: 5,
      talkSeconds: 100 + 200 + 40 + 150 + 30,
      avgTalkSeconds: 520 / 5,
      avgRingSeconds: (10 + 30 + 6) / 3,
      ringCount: 3,
      longestTalkSeconds: 200,
      recordedShare: 3 / 5,
      costAgorot: 6 + 16,
    });
  });

  it("Yossi: the call he answered, and the consult he missed", () => {
    expect(row("code:A2")).toMatchObject({
      extensions: ["EXTYOSI2"],
      inboundAnswered: 1,
      missed: 1,
      outboundAttempts: 0,
      handled: 1,
      talkSeconds: 60,
      avgRingSeconds: 5,
      recordedShare: 1,
    });
  });

  it("Noa (never logged in): by UserName; a missed ring at her desk and one on her mobile", () => {
    expect(row("user:Noa")).toMatchObject({
      code: undefined,
      inboundAnswered: 1,
      missed: 2,
      handled: 1,
      talkSeconds: 50,
      recordedShare: 0,
    });
  });

  it("reception, rung and unanswered: a row with nulls, not NaN", () => {
    expect(row("user:Reception")).toMatchObject({
      missed: 1,
      handled: 0,
      avgTalkSeconds: null,
      avgRingSeconds: null,
      recordedShare: null,
    });
  });

  it("drills down: the conversations a row took part in", () => {
    const conversations = groupConversations(DAY);
    const ids = (key: string) =>
      conversations.filter((c) => involvesAgent(c, row(key))).map((c) => c.id);
    expect(ids("code:A2")).toEqual(["c3", "c10"]);
    expect(ids("code:A1")).toEqual(["c1", "c2", "c3", "c7", "c8", "c9", "c10", "c11"]);
  });
});
