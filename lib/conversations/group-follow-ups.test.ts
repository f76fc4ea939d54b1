import { describe, expect, it } from "vitest";

import {
  DANA,
  groupOne,
  legIds,
  outboundAgent,
  record,
  type Extra,
} from "@/testing/conversation-records";

import { primaryOf } from "./conversation";
import { groupConversations } from "./group";

const one = groupOne;

describe("transfers, forwards and shared OriginalIvrUniqueID", () => {
  const answered = record({
    CallID: "Q1",
    CdrType: 8,
    when: "00:00",
    CallerNumber: "0505555555",
    QueueName: "Support",
    RingTime: 20,
    Duration: 60,
    ...DANA,
  });
  const transfer = (extra: Extra = {}) =>
    record({
      CallID: "X1",
      CdrType: 13,
      when: "01:20",
      CallerNumber: "0505555555",
      TargetNumber: "EXTYOSI2",
      TargetExtension: "EXTYOSI2",
      RingTime: 6,
      Duration: 45,
      HasRecording: true,
      ...outboundAgent("A1", "Dana", "EXTDANA1"),
      ...extra,
    });

  it("a transfer linked by OriginalIvrUniqueID joins the call it continues; talk adds up", () => {
    const c = one(transfer({ CustomData: { OriginalIvrUniqueID: "Q1" } }), answered);
    expect(legIds(c)).toEqual(["Q1", "X1"]);
    expect(c).toMatchObject({
      id: "Q1",
      direction: "inbound",
      outcome: "answered",
      queue: "Support",
      waitSeconds: 20,
      talkSeconds: 105,
      recorded: true,
      partial: false,
    });
    expect(primaryOf(c).CallID).toBe("Q1");
  });

  it("an unlinked transfer joins the same customer's call that was live when it started", () => {
    expect(legIds(one(answered, transfer()))).toEqual(["Q1", "X1"]);
  });

  it("an unlinked transfer of another customer, or long after, stays apart (internal)", () => {
    const later = transfer({ CallID: "X2", Date: "2026-03-01T08:01:36Z" }); // 16 s after Q1 ended
    const other = transfer({ CallID: "X3", CallerNumber: "0509999999" });
    const all = groupConversations([answered, later, other]);
    expect(all.map(legIds)).toEqual([["Q1"], ["X3"], ["X2"]]);
    expect(all[1]).toMatchObject({ direction: "internal", outcome: "answered" });
  });

  it("a chain of unlinked transfers stays one conversation (Dana → Yossi → Noa)", () => {
    const second = record({
      CallID: "X2",
      CdrType: 13,
      when: "02:11",
      CallerNumber: "0505555555",
      CallerExtension: "EXTYOSI2",
      TargetExtension: "EXTNOA03",
      Duration: 30,
    });
    const c = one(answered, transfer(), second);
    expect(legIds(c)).toEqual(["Q1", "X1", "X2"]);
    expect(c.talkSeconds).toBe(60 + 45 + 30);
  });

  it("an unlinked forward from another extension than the one the caller rang stays apart", () => {
    const rang = record({
      CallID: "I1",
      CdrType: 1,
      when: "00:00",
      DialStatus: "NOANSWER",
      CallerNumber: "0505555555",
      RingTime: 20,
      ...DANA,
    });
    const forward = (CallerExtension: string) =>
      record({
        CallID: "F1",
        CdrType: 23,
        when: "00:20",
        CallerNumber: "0505555555",
        CallerExtension,
      });
    expect(groupConversations([rang, forward("EXTYOSI2")])).toHaveLength(2);
    expect(groupConversations([rang, forward("EXTDANA1")])).toHaveLength(1);
  });

  it("a transfer whose original call is outside the range is partial", () => {
    const c = one(transfer({ CustomData: { OriginalIvrUniqueID: "GONE" } }));
    expect(c).toMatchObject({ id: "GONE", partial: true, direction: "internal" });
  });

  it("a call that rang an extension unanswered, then forwarded to a mobile and answered", () => {
    const c = one(
      record({
        CallID: "I1",
        CdrType: 1,
        when: "00:00",
        DialStatus: "NOANSWER",
        CallerNumber: "0506666666",
        DID: "0722776774",
        RingTime: 20,
        ...DANA,
      }),
      record({
        CallID: "F1",
        CdrType: 23,
        when: "00:20",
        CallerNumber: "0506666666",
        CallerExtension: "EXTDANA1",
        TargetNumber: "972541234567",
        DID: "0722776774",
        UserName: "Dana",
        RingTime: 8,
        Duration: 70,
        Price: 16,
      }),
    );
    expect(primaryOf(c).CallID).toBe("F1");
    expect(c).toMatchObject({
      direction: "inbound",
      outcome: "answered",
      did: "0722776774",
      talkSeconds: 70,
      costAgorot: 16,
      agent: { key: "user:Dana", extension: "EXTDANA1" },
    });
  });

  it("records sharing an OriginalIvrUniqueID that is no record's CallID (IVR, then a queue)", () => {
    const c = one(
      record({
        CallID: "R1",
        CdrType: 1,
        when: "00:00",
        original: "IVR-7",
        DialStatus: "VOEND",
        CallerNumber: "0507777777",
      }),
      record({
        CallID: "R2",
        CdrType: 8,
        when: "00:40",
        original: "IVR-7",
        DialStatus: "TIMEOUT",
        CallerNumber: "0507777777",
        QueueName: "Support",
        RingTime: 300,
      }),
    );
    expect(c).toMatchObject({
      id: "IVR-7",
      outcome: "abandoned",
      status: "TIMEOUT",
      queue: "Support",
      partial: true,
    });
  });
});
