import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { DIAL_STATUS_NAMES, outcomeOf } from "@/lib/voicenter/dial-statuses";

import { computeKpis } from "./kpis";

const OPTIONS = { shortAbandonSeconds: 5, serviceLevelSeconds: 20 };
let id = 0;
const call = (fields: Partial<ApiCall>): ApiCall => ({
  CallID: `k${id++}`,
  HasRecording: false,
  ...fields,
});

describe("computeKpis", () => {
  it("an empty list gives zero counts and no rates, never NaN", () => {
    const kpis = computeKpis([], OPTIONS);
    expect(kpis).toMatchObject({
      total: 0,
      offered: 0,
      answered: 0,
      answeredRate: null,
      missedRate: null,
      abandonedRate: null,
      shortAbandonedRate: null,
      avgTalkSeconds: null,
      avgRingSeconds: null,
      serviceLevel: null,
      totalCostAgorot: 0,
    });
    for (const value of Object.values(kpis)) expect(Number.isNaN(value)).toBe(false);
  });

  it("groups every outcome; failed calls are not offered", () => {
    const calls = [
      call({ DialStatus: "ANSWER", Duration: 60, RingTime: 10, Price: 12 }),
      call({ DialStatus: "ANSWER", Duration: 120, RingTime: 30, Price: 30 }),
      call({ DialStatus: "NOANSWER", RingTime: 45 }),
      call({ DialStatus: "BUSY" }),
      call({ DialStatus: "ABANDONE", RingTime: 3 }),
      call({ DialStatus: "TIMEOUT", RingTime: 40 }),
      call({ DialStatus: "CHANUNAVAIL", Price: 1 }),
      call({ DialStatus: "SOMETHINGNEW" }),
      call({}),
    ];
    const kpis = computeKpis(calls, OPTIONS);
    expect(kpis).toMatchObject({
      total: 9,
      offered: 6,
      answered: 2,
      missed: 2,
      abandoned: 2,
      shortAbandoned: 1,
      failed: 3,
      avgTalkSeconds: 90,
      avgRingSeconds: 20,
      answeredWithinServiceLevel: 1,
      totalCostAgorot: 43,
    });
    expect(kpis.answeredRate).toBeCloseTo(2 / 6);
    expect(kpis.missedRate).toBeCloseTo(2 / 6);
    expect(kpis.abandonedRate).toBeCloseTo(2 / 6);
    expect(kpis.shortAbandonedRate).toBeCloseTo(1 / 6);
    expect(kpis.serviceLevel).toBeCloseTo(1 / 6);
    expect(kpis.answeredRate! + kpis.missedRate! + kpis.abandonedRate!).toBeCloseTo(1);
  });

  it("counts each contract status under the outcome the contract gives it", () => {
    const kpis = computeKpis(
      DIAL_STATUS_NAMES.map((DialStatus) => call({ DialStatus })),
      OPTIONS,
    );
    const expected = { answered: 0, missed: 0, abandoned: 0, failed: 0 };
    for (const status of DIAL_STATUS_NAMES) expected[outcomeOf(status)]++;
    expect(kpis).toMatchObject(expected);
  });

  it("a short abandon rang less than the threshold; exactly the threshold is not short", () => {
    const kpis = computeKpis(
      [
        call({ DialStatus: "ABANDONE", RingTime: 4 }),
        call({ DialStatus: "EXIT", RingTime: 4.9 }),
        call({ DialStatus: "ABANDONE", RingTime: 5 }),
        call({ DialStatus: "ABANDONE" }),
        call({ DialStatus: "NOANSWER", RingTime: 1 }),
      ],
      OPTIONS,
    );
    expect(kpis).toMatchObject({ abandoned: 4, shortAbandoned: 2, offered: 5 });
  });

  it("service level: answered within N seconds inclusive, over offered (failed left out)", () => {
    const kpis = computeKpis(
      [
        call({ DialStatus: "ANSWER", RingTime: 20 }),
        call({ DialStatus: "ANSWER", RingTime: 21 }),
        call({ DialStatus: "ANSWER" }), // no RingTime: offered, not within
        call({ DialStatus: "CANCEL", RingTime: 2 }),
        call({ DialStatus: "CONGESTION", RingTime: 0 }),
      ],
      OPTIONS,
    );
    expect(kpis.answeredWithinServiceLevel).toBe(1);
    expect(kpis.offered).toBe(4);
    expect(kpis.serviceLevel).toBe(0.25);
    expect(
      computeKpis([call({ DialStatus: "ANSWER", RingTime: 20 })], {
        ...OPTIONS,
        serviceLevelSeconds: 19,
      }).serviceLevel,
    ).toBe(0);
  });

  it("averages only answered calls that carry the field", () => {
    const kpis = computeKpis(
      [
        call({ DialStatus: "ANSWER", Duration: 30 }),
        call({ DialStatus: "ANSWER", RingTime: 8 }),
        call({ DialStatus: "NOANSWER", Duration: 500, RingTime: 60 }),
      ],
      OPTIONS,
    );
    expect(kpis.avgTalkSeconds).toBe(30);
    expect(kpis.avgRingSeconds).toBe(8);
  });

  it("only failed calls: nothing offered, rates stay null", () => {
    const kpis = computeKpis([call({ DialStatus: "NOTDIALED", Price: 3 })], OPTIONS);
    expect(kpis).toMatchObject({
      total: 1,
      failed: 1,
      offered: 0,
      answeredRate: null,
      serviceLevel: null,
      totalCostAgorot: 3,
    });
  });
});
