import { describe, expect, it } from "vitest";

import { readCall } from "./call";

describe("readCall: the tolerant reader", () => {
  it("reads keys in any casing into the documented PascalCase", () => {
    const result = readCall({
      callid: "a1",
      TARGETNUMBER: "972501234567",
      Targetextension: "AAPINFzL",
      targetExtension: undefined,
      callerextension: "SipSip",
      dialstatus: "ANSWER",
    });
    expect(result).toEqual({
      ok: true,
      call: {
        CallID: "a1",
        TargetNumber: "972501234567",
        TargetExtension: "AAPINFzL",
        CallerExtension: "SipSip",
        DialStatus: "ANSWER",
      },
    });
  });

  it("turns numeric strings into numbers, and empty numbers into absent ones", () => {
    const result = readCall({
      CallID: "x",
      Duration: "33",
      RingTime: " 7 ",
      Price: 0,
      DepartmentId: "",
      CdrType: null,
    });
    expect(result).toEqual({
      ok: true,
      call: { CallID: "x", Duration: 33, RingTime: 7, Price: 0 },
    });
  });

  it.each([
    [true, true],
    ["true", true],
    [1, true],
    ["1", true],
    [false, false],
    ["false", false],
    [0, false],
    ["0", false],
    ["", false],
  ])("reads RecordExpect %j as %j", (raw, expected) => {
    const result = readCall({ CallID: "x", RecordExpect: raw });
    expect(result.ok && result.call.RecordExpect).toBe(expected);
  });

  it("normalizes both documented Date forms to ISO-8601 UTC with Z", () => {
    const space = readCall({ CallID: "x", Date: "2017-07-20 09:59:29" });
    const iso = readCall({ CallID: "y", Date: "2021-10-10T09:04:58Z" });
    const millis = readCall({ CallID: "z", Date: "2021-10-10T09:04:58.123Z" });
    expect(space.ok && space.call.Date).toBe("2017-07-20T09:59:29Z");
    expect(iso.ok && iso.call.Date).toBe("2021-10-10T09:04:58Z");
    expect(millis.ok && millis.call.Date).toBe("2021-10-10T09:04:58Z");
  });

  it("reads DTMFData as a list or as JSON text, including the documented unquoted-keys form", () => {
    const asValue = readCall({
      CallID: "x",
      DTMFData: [{ LayerName: "Main Menu", DTMF: 2, LayerNumber: "0" }],
    });
    const asText = readCall({
      CallID: "x",
      DTMFData: '[{"layername":"Main Menu","dtmf":2,"layernumber":0}]',
    });
    const asDocumented = readCall({
      CallID: "x",
      DTMFData:
        '[{LayerName: "Main Menu", DTMF: 2, LayerNumber: "0"}, {LayerName: "Sales", DTMF: 0, LayerNumber: "15"}]',
    });
    const step = { LayerName: "Main Menu", DTMF: "2", LayerNumber: "0" };
    expect(asValue.ok && asValue.call.DTMFData).toEqual([step]);
    expect(asText.ok && asText.call.DTMFData).toEqual([step]);
    expect(asDocumented.ok && asDocumented.call.DTMFData).toEqual([
      step,
      { LayerName: "Sales", DTMF: "0", LayerNumber: "15" },
    ]);
  });

  it("reads CustomData as an object or JSON text; empty text and [] are an empty object", () => {
    const asText = readCall({ CallID: "x", CustomData: '{"OriginalIvrUniqueID":"abc"}' });
    const asValue = readCall({ CallID: "x", customdata: { var_clientID: "2118102" } });
    const empty = readCall({ CallID: "x", CustomData: "", DTMFData: "" });
    const phpEmpty = readCall({ CallID: "x", CustomData: [] });
    expect(asText.ok && asText.call.CustomData).toEqual({ OriginalIvrUniqueID: "abc" });
    expect(asValue.ok && asValue.call.CustomData).toEqual({ var_clientID: "2118102" });
    expect(empty.ok && empty.call).toEqual({ CallID: "x", CustomData: {}, DTMFData: [] });
    expect(phpEmpty.ok && phpEmpty.call.CustomData).toEqual({});
  });

  it("reports an unreadable record with the field named instead of guessing", () => {
    expect(readCall({ CallID: "x", Duration: "long" })).toEqual({
      ok: false,
      reason: "Duration: expected a number",
    });
    expect(readCall({ CallID: "x", Date: "yesterday" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Date:/) as string,
    });
    expect(readCall({ CallID: "x", DTMFData: "{not json" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^DTMFData:/) as string,
    });
    expect(readCall({ CallID: "x", RecordExpect: "maybe" })).toMatchObject({ ok: false });
    expect(readCall("nope")).toEqual({ ok: false, reason: "record is not an object" });
    expect(readCall({ Date: "2021-10-10T09:04:58Z" }, ["CallID"])).toEqual({
      ok: false,
      reason: "CallID: missing",
    });
  });

  it("keeps text fields as text even when the upstream sent numbers", () => {
    const result = readCall({ CallID: 12345, CallerNumber: 722776772, RepresentativeCode: 19996 });
    expect(result).toEqual({
      ok: true,
      call: { CallID: "12345", CallerNumber: "722776772", RepresentativeCode: "19996" },
    });
  });

  it("drops keys that are not documented fields", () => {
    expect(readCall({ CallID: "x", Surprise: 1 })).toEqual({ ok: true, call: { CallID: "x" } });
  });

  it("reads DateEpoch in seconds, and in milliseconds when the upstream slips", () => {
    const s = readCall({ CallID: "x", DateEpoch: "1554027973" });
    const ms = readCall({ CallID: "x", DateEpoch: 1554027973000 });
    expect(s.ok && s.call.DateEpoch).toBe(1554027973);
    expect(ms.ok && ms.call.DateEpoch).toBe(1554027973);
  });
});
