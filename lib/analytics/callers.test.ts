import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";

import { computeCallerStats, phoneKey } from "./callers";

let id = 0;
const call = (fields: Partial<ApiCall>): ApiCall => ({
  CallID: `p${id++}`,
  HasRecording: false,
  ...fields,
});
const incoming = (CallerNumber: string, Date: string, DialStatus: string, CdrType = 8) =>
  call({ CdrType, CallerNumber, TargetNumber: "AAPINFzL", Date, DialStatus });
const outgoing = (TargetNumber: string, Date: string, DialStatus = "ANSWER") =>
  call({ CdrType: 4, CallerNumber: "AAPIUtdL", TargetNumber, Date, DialStatus });

describe("phoneKey", () => {
  it("brings the spellings of one Israeli number together", () => {
    for (const spelling of [
      "0501234567",
      "972501234567",
      "+972-50-123-4567",
      "00972501234567",
      "050 123 4567",
    ]) {
      expect(phoneKey(spelling), spelling).toBe("0501234567");
    }
  });

  it("ignores extension ids, hidden numbers and short codes", () => {
    for (const text of ["AAPINFzL", "anonymous", "", "*2700", "1234", undefined]) {
      expect(phoneKey(text), String(text)).toBeUndefined();
    }
  });
});

describe("repeat callers", () => {
  it("counts numbers that called in more than once, whatever the spelling or outcome", () => {
    const stats = computeCallerStats([
      incoming("0501234567", "2026-05-01T08:00:00Z", "ANSWER"),
      incoming("972501234567", "2026-05-01T09:00:00Z", "NOANSWER", 1),
      incoming("0527777777", "2026-05-01T09:00:00Z", "ANSWER"),
      outgoing("0527777777", "2026-05-01T10:00:00Z"), // calling them does not make them a repeat caller
      call({
        CdrType: 22,
        CallerNumber: "0527777777",
        Date: "2026-05-01T09:01:00Z",
        DialStatus: "ANSWER",
      }), // a transfer leg
      incoming("anonymous", "2026-05-01T09:00:00Z", "ANSWER"),
      incoming("anonymous", "2026-05-01T09:30:00Z", "ANSWER"),
    ]);
    expect(stats.repeatCallers).toBe(1);
  });
});

describe("unreturned callers", () => {
  const unreturned = (calls: ApiCall[]) => computeCallerStats(calls).unreturnedCallers;

  it("a missed caller never called back is unreturned", () => {
    expect(unreturned([incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER")])).toBe(1);
    expect(unreturned([incoming("0501234567", "2026-05-01T08:00:00Z", "ABANDONE")])).toBe(1);
  });

  it("a later call back (international spelling) or a later answered call returns it", () => {
    expect(
      unreturned([
        incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER"),
        outgoing("972501234567", "2026-05-01T08:20:00Z", "ANSWER"),
      ]),
    ).toBe(0);
    expect(
      unreturned([
        incoming("0501234567", "2026-05-01T08:00:00Z", "ABANDONE"),
        incoming("0501234567", "2026-05-01T08:05:00Z", "ANSWER"),
      ]),
    ).toBe(0);
  });

  it("a call back before the miss, or one that failed to go out, does not", () => {
    expect(
      unreturned([
        outgoing("0501234567", "2026-05-01T07:00:00Z"),
        incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER"),
      ]),
    ).toBe(1);
    expect(
      unreturned([
        incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER"),
        outgoing("0501234567", "2026-05-01T08:30:00Z", "CHANUNAVAIL"),
      ]),
    ).toBe(1);
  });

  // Until the conversations issue these counted as returned; the callback worklist does not.
  it("a call back nobody answered, or a voicemail message, does not return it", () => {
    expect(
      unreturned([
        incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER"),
        outgoing("972501234567", "2026-05-01T08:20:00Z", "NOANSWER"),
      ]),
    ).toBe(1);
    expect(unreturned([incoming("0501234567", "2026-05-01T08:00:00Z", "ANSWER", 11)])).toBe(1);
  });

  it("reads the customer from the contract: a smart-dialer leg 2 answered returns, its leg 1 alone does not", () => {
    const miss = incoming("0501234567", "2026-05-01T08:00:00Z", "ABANDONE");
    const dialled = (CdrType: number, fields: Partial<ApiCall>) =>
      call({ CdrType, Date: "2026-05-01T09:00:00Z", DialStatus: "ANSWER", ...fields });
    const leg1 = dialled(17, { CallerNumber: "0722776772", TargetNumber: "972501234567" });
    const leg2 = dialled(19, { CallerNumber: "0501234567", TargetNumber: "972722776772" });
    expect(unreturned([miss, leg1])).toBe(1);
    expect(unreturned([miss, leg1, leg2])).toBe(0);
  });

  it("counts a forwarded call (23) as the customer calling in", () => {
    expect(unreturned([incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER", 23)])).toBe(1);
  });

  it("judges by the latest miss, in any list order", () => {
    const calls = [
      incoming("0501234567", "2026-05-01T08:00:00Z", "NOANSWER"),
      outgoing("0501234567", "2026-05-01T09:00:00Z"),
      incoming("0501234567", "2026-05-01T10:00:00Z", "BUSY"),
      incoming("0509999999", "2026-05-01T10:00:00Z", "ANSWER"),
    ];
    expect(unreturned(calls)).toBe(1);
    expect(unreturned([...calls].reverse())).toBe(1);
  });

  it("reads the call type from Type when CdrType did not come back", () => {
    expect(
      unreturned([
        call({
          Type: "Queue",
          CallerNumber: "0501234567",
          Date: "2026-05-01T08:00:00Z",
          DialStatus: "TIMEOUT",
        }),
        call({
          Type: "Extension Outgoing",
          TargetNumber: "972501234567",
          Date: "2026-05-01T08:10:00Z",
          DialStatus: "ANSWER",
        }),
        call({
          Type: "Queue",
          CallerNumber: "0507654321",
          Date: "2026-05-01T08:00:00Z",
          DialStatus: "EXIT",
        }),
      ]),
    ).toBe(1);
  });
});
