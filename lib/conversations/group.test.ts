import { describe, expect, it } from "vitest";

import {
  DANA,
  DANA_OUT,
  groupOne,
  inboundAgent,
  legIds,
  record,
  YOSSI,
  type Extra,
} from "@/testing/conversation-records";

import { conversationEndMs, primaryOf } from "./conversation";

const one = groupOne;

describe("a conversation in one record", () => {
  it("a queue call answered: every figure from the one record", () => {
    const c = one(
      record({
        CallID: "q1",
        CdrType: 8,
        when: "00:00",
        CallerNumber: "972501111111",
        DID: "0722776772",
        QueueName: "Sales",
        RingTime: 14,
        Duration: 95,
        Price: 6,
        HasRecording: true,
        ...DANA,
      }),
    );
    expect(c).toMatchObject({
      id: "q1",
      direction: "inbound",
      start: Date.UTC(2026, 2, 1, 8),
      customer: "0501111111",
      agent: { key: "code:A1", name: "Dana", code: "A1", extension: "EXTDANA1" },
      queue: "Sales",
      did: "0722776772",
      outcome: "answered",
      status: "ANSWER",
      voicemail: false,
      waitSeconds: 14,
      talkSeconds: 95,
      recorded: true,
      costAgorot: 6,
      partial: false,
    });
    expect(conversationEndMs(c)).toBe(Date.UTC(2026, 2, 1, 8) + (14 + 95) * 1000);
  });

  it("a queue call abandoned reached no agent", () => {
    const c = one(
      record({
        CallID: "q2",
        CdrType: 8,
        when: "00:00",
        DialStatus: "ABANDONE",
        CallerNumber: "0501111111",
        QueueName: "Sales",
        RingTime: 3,
      }),
    );
    expect(c).toMatchObject({ outcome: "abandoned", agent: undefined, agents: [], waitSeconds: 3 });
    expect(c.talkSeconds).toBe(0);
  });

  it("voicemail counts as missed even when a message was left", () => {
    const c = one(
      record({
        CallID: "v1",
        CdrType: 11,
        when: "00:00",
        CallerNumber: "0501111111",
        Duration: 25,
        HasRecording: true,
        UserName: "Dana",
      }),
    );
    expect(c).toMatchObject({ outcome: "missed", voicemail: true, talkSeconds: 0, recorded: true });
  });

  it("an outgoing call names the number dialled as the customer", () => {
    const c = one(
      record({
        CallID: "o1",
        CdrType: 4,
        when: "00:00",
        DialStatus: "NOANSWER",
        CallerNumber: "0722776772",
        TargetNumber: "972502222222",
        RingTime: 40,
        ...DANA_OUT,
      }),
    );
    expect(c).toMatchObject({
      direction: "outbound",
      outcome: "missed",
      customer: "0502222222",
      agent: { key: "code:A1" },
    });
  });
});

describe("two-leg calls", () => {
  const leg1 = (CdrType: 9 | 14, DialStatus = "ANSWER") =>
    record({
      CallID: "L1",
      CdrType,
      when: "00:00",
      original: "L1",
      DialStatus,
      CallerNumber: "0722776772",
      TargetNumber: "EXTDANA1",
      RingTime: 4,
      Duration: 128,
      ...inboundAgent("A1", "Dana", "EXTDANA1"),
    });
  const leg2 = (CdrType: 10 | 15, DialStatus = "ANSWER") =>
    record({
      CallID: "L2",
      CdrType,
      when: "00:05",
      original: "L1",
      DialStatus,
      CallerNumber: "0722776772",
      TargetNumber: "972502222222",
      RingTime: DialStatus === "ANSWER" ? 7 : 0,
      Duration: DialStatus === "ANSWER" ? 120 : 0,
      Price: DialStatus === "ANSWER" ? 16 : 0,
      HasRecording: DialStatus === "ANSWER",
      ...DANA_OUT,
    });

  it("click2call 9/10: outbound, the customer's leg decides; leg 1's time is not talk", () => {
    const c = one(leg2(10), leg1(9));
    expect(legIds(c)).toEqual(["L1", "L2"]);
    expect(primaryOf(c).CallID).toBe("L2");
    expect(c).toMatchObject({
      id: "L1",
      direction: "outbound",
      outcome: "answered",
      customer: "0502222222",
      waitSeconds: 7,
      talkSeconds: 120,
      costAgorot: 16,
      recorded: true,
      partial: false,
      agents: [{ key: "code:A1" }],
    });
  });

  it("dialer 14/15 whose agent did not answer: the customer was never dialled → failed", () => {
    const c = one(leg1(14, "NOANSWER"), leg2(15, "NOTCALLED"));
    expect(primaryOf(c).CallID).toBe("L1");
    expect(c).toMatchObject({ direction: "outbound", outcome: "failed", talkSeconds: 0 });
  });

  it("a leg 2 whose leg 1 is outside the range is still a conversation, marked partial", () => {
    const c = one(leg2(10));
    expect(c).toMatchObject({
      id: "L1",
      direction: "outbound",
      outcome: "answered",
      partial: true,
    });
  });

  const dial = (DialStatus: string) =>
    record({
      CallID: "S1",
      CdrType: 17,
      when: "00:00",
      original: "S1",
      DialStatus,
      CallerNumber: "0722776772",
      TargetNumber: "972503333333",
      RingTime: 9,
      Duration: DialStatus === "ANSWER" ? 200 : 0,
      Price: DialStatus === "ANSWER" ? 32 : 0,
    });
  const queued = (DialStatus: string, extra: Extra = {}) =>
    record({
      CallID: "S2",
      CdrType: 19,
      when: "00:10",
      original: "S1",
      DialStatus,
      CallerNumber: "0503333333",
      TargetNumber: "972722776773",
      DID: "0722776773",
      QueueName: "Campaign",
      ...extra,
    });

  it("smart dialer 17/19 answered by an agent: outbound, queue wait and talk from leg 2", () => {
    const c = one(dial("ANSWER"), queued("ANSWER", { RingTime: 30, Duration: 150, ...YOSSI }));
    expect(primaryOf(c).CallID).toBe("S2");
    expect(c).toMatchObject({
      direction: "outbound",
      outcome: "answered",
      customer: "0503333333",
      queue: "Campaign",
      waitSeconds: 30,
      talkSeconds: 150,
      costAgorot: 32,
      agent: { key: "code:A2" },
    });
  });

  it("smart dialer: the customer picked up, then hung up waiting in the queue → abandoned", () => {
    const c = one(dial("ANSWER"), queued("ABANDONE", { RingTime: 45 }));
    expect(c).toMatchObject({ outcome: "abandoned", waitSeconds: 45, talkSeconds: 0 });
  });

  it("smart dialer: the customer did not pick up, leg 2 NOTCALLED → missed (leg 1 decides)", () => {
    const c = one(dial("NOANSWER"), queued("NOTCALLED"));
    expect(primaryOf(c).CallID).toBe("S1");
    expect(c).toMatchObject({ direction: "outbound", outcome: "missed", waitSeconds: 9 });
  });

  it("attended transfer 21/22: the customer's call with agent B; the consult is not talk", () => {
    const c = one(
      record({
        CallID: "T1",
        CdrType: 21,
        when: "00:00",
        original: "T1",
        CallerNumber: "EXTDANA1",
        TargetNumber: "EXTYOSI2",
        TargetExtension: "EXTYOSI2",
        RingTime: 5,
        Duration: 40,
        ...DANA_OUT,
      }),
      record({
        CallID: "T2",
        CdrType: 22,
        when: "00:46",
        original: "T1",
        CallerNumber: "0504444444",
        DID: "0722776772",
        RingTime: 2,
        Duration: 300,
        HasRecording: true,
        ...YOSSI,
      }),
    );
    expect(c).toMatchObject({
      direction: "inbound",
      outcome: "answered",
      customer: "0504444444",
      agent: { key: "code:A2" },
      talkSeconds: 300,
      waitSeconds: 2,
    });
    expect(c.agents.map((a) => a.key)).toEqual(["code:A1", "code:A2"]);
  });

  it("a hand-over agent B did not take is no call of the customer's own: internal", () => {
    const c = one(
      record({ CallID: "T1", CdrType: 21, when: "00:00", original: "T1", Duration: 20 }),
      record({
        CallID: "T2",
        CdrType: 22,
        when: "00:21",
        original: "T1",
        DialStatus: "NOANSWER",
        CallerNumber: "0504444444",
      }),
    );
    expect(primaryOf(c).CallID).toBe("T2");
    expect(c).toMatchObject({ direction: "internal", outcome: "missed", customer: "0504444444" });
  });

  it("a consult nobody answered, leg 2 NOTCALLED: internal", () => {
    const c = one(
      record({ CallID: "T1", CdrType: 21, when: "00:00", original: "T1", DialStatus: "NOANSWER" }),
      record({ CallID: "T2", CdrType: 22, when: "00:31", original: "T1", DialStatus: "NOTCALLED" }),
    );
    expect(c).toMatchObject({ direction: "internal", outcome: "missed" });
  });
});
