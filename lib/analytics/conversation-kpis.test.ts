import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { inboundAgent, outboundAgent, record } from "@/testing/conversation-records";

import { computeConversationKpis, isShortAbandon } from "./conversation-kpis";

const DANA = inboundAgent("A1", "Dana", "EXTDANA1");
const DANA_OUT = outboundAgent("A1", "Dana", "EXTDANA1");
const q = (CallID: string, DialStatus: string, RingTime: number, Duration = 0) =>
  record({ CallID, CdrType: 8, when: "00:00", DialStatus, RingTime, Duration, QueueName: "Sales" });

/** A morning, counted by hand: 12 inbound, 5 outbound and 2 internal conversations from 24 records. */
const MORNING = [
  // inbound
  { ...q("in1", "ANSWER", 10, 100), HasRecording: true, ...DANA }, // answered, within 20 s
  { ...q("in2", "ANSWER", 30, 200), ...DANA }, // answered, over 20 s
  q("in3", "ABANDONE", 3), // short abandon
  q("in4", "ABANDONE", 40), // abandoned
  q("in5", "TIMEOUT", 300), // abandoned
  q("in6", "FULL", 0), // missed
  record({ CallID: "in7", CdrType: 1, when: "01:00", DialStatus: "NOANSWER", RingTime: 30 }), // missed
  record({ CallID: "in8", CdrType: 11, when: "02:00", Duration: 25, HasRecording: true }), // missed: voicemail
  record({ CallID: "in9", CdrType: 1, when: "03:00", DialStatus: "VOEND" }), // short abandon (no wait)
  record({ CallID: "in10", CdrType: 1, when: "04:00", DialStatus: "CHANUNAVAIL" }), // failed
  // in11: rang an extension, forwarded to a mobile, answered after 8 s → answered within 20 s
  record({
    CallID: "in11a",
    CdrType: 1,
    when: "05:00",
    DialStatus: "NOANSWER",
    CallerNumber: "0501111111",
    RingTime: 20,
  }),
  record({
    CallID: "in11b",
    CdrType: 23,
    when: "05:20",
    CallerNumber: "0501111111",
    RingTime: 8,
    Duration: 70,
    Price: 16,
  }),
  // in12: attended transfer, the customer with agent B after 2 s → answered within 20 s
  record({ CallID: "in12a", CdrType: 21, when: "06:00", original: "in12a", Duration: 30 }),
  record({
    CallID: "in12b",
    CdrType: 22,
    when: "06:31",
    original: "in12a",
    RingTime: 2,
    Duration: 300,
    HasRecording: true,
  }),
  // outbound
  record({
    CallID: "out1",
    CdrType: 4,
    when: "07:00",
    Duration: 150,
    Price: 16,
    HasRecording: true,
    ...DANA_OUT,
  }), // connected
  record({ CallID: "out2", CdrType: 4, when: "08:00", DialStatus: "NOANSWER", RingTime: 45 }), // not connected
  record({ CallID: "out3a", CdrType: 9, when: "09:00", original: "out3a", Duration: 130 }),
  record({
    CallID: "out3b",
    CdrType: 10,
    when: "09:05",
    original: "out3a",
    Duration: 120,
    Price: 16,
    HasRecording: true,
  }), // connected
  record({
    CallID: "out4a",
    CdrType: 14,
    when: "10:00",
    original: "out4a",
    DialStatus: "NOANSWER",
  }),
  record({
    CallID: "out4b",
    CdrType: 15,
    when: "10:30",
    original: "out4a",
    DialStatus: "NOTCALLED",
  }), // failed
  record({
    CallID: "out5a",
    CdrType: 17,
    when: "11:00",
    original: "out5a",
    Duration: 60,
    Price: 8,
  }),
  record({
    CallID: "out5b",
    CdrType: 19,
    when: "11:05",
    original: "out5a",
    DialStatus: "ABANDONE",
    RingTime: 50,
  }), // not connected
  // internal
  record({ CallID: "int1", CdrType: 12, when: "12:00", Duration: 900, HasRecording: true }),
  record({ CallID: "int2", CdrType: 16, when: "13:00", Duration: 2, Price: 1 }),
];

describe("computeConversationKpis on a hand-counted morning", () => {
  const kpis = computeConversationKpis(groupConversations(MORNING), {
    shortAbandonSeconds: 5,
    serviceLevelSeconds: 20,
  });

  it("counts conversations, not records", () => {
    expect(kpis).toMatchObject({ conversations: 19, records: 24, internal: 2, partial: 0 });
  });

  it("inbound: offered 11 = 4 answered + 3 missed + 2 abandoned + 2 short abandons", () => {
    expect(kpis.inbound).toEqual({
      conversations: 12,
      offered: 11,
      answered: 4,
      missed: 3,
      voicemail: 1,
      abandoned: 2,
      shortAbandoned: 2,
      failed: 1,
      answeredRate: 4 / 11,
      missedRate: 3 / 11,
      abandonedRate: 2 / 11,
      shortAbandonedRate: 2 / 11,
      answeredWithinServiceLevel: 3,
      serviceLevel: 3 / 11,
      avgSpeedOfAnswerSeconds: (10 + 30 + 8 + 2) / 4,
      talkSeconds: 100 + 200 + 70 + 300,
      avgTalkSeconds: 670 / 4,
    });
  });

  it("outbound: 5 attempts, 2 connected, 2 not connected, 1 failed", () => {
    expect(kpis.outbound).toEqual({
      attempts: 5,
      connected: 2,
      notConnected: 2,
      failed: 1,
      connectedRate: 2 / 5,
      talkSeconds: 150 + 120,
      avgTalkSeconds: 135,
    });
  });

  it("cost and recordings across both directions", () => {
    expect(kpis.costAgorot).toBe(16 + 16 + 16 + 8 + 1);
    expect(kpis.recorded).toBe(6);
    expect(kpis.recordedAnswered).toBe(4);
    expect(kpis.recordedRate).toBe(4 / 6);
  });

  it("moves conversations between short and long abandons with the threshold", () => {
    const strict = computeConversationKpis(groupConversations(MORNING), {
      shortAbandonSeconds: 45,
      serviceLevelSeconds: 30,
    });
    expect(strict.inbound).toMatchObject({
      shortAbandoned: 3,
      abandoned: 1,
      answeredWithinServiceLevel: 4,
    });
  });

  it("gives null ratios, not NaN, when nothing was offered", () => {
    const empty = computeConversationKpis([]);
    expect(empty.inbound.answeredRate).toBeNull();
    expect(empty.outbound.connectedRate).toBeNull();
    expect(empty.recordedRate).toBeNull();
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
  });

  it("a conversation without a wait is never a short abandon", () => {
    const [c] = groupConversations([
      record({
        CallID: "x",
        CdrType: 8,
        when: "00:00",
        DialStatus: "ABANDONE",
        RingTime: undefined,
      }),
    ]);
    expect(isShortAbandon(c!, 5)).toBe(false);
  });
});
