import { describe, expect, it } from "vitest";

import { readCdrResponse } from "./response";

describe("readCdrResponse", () => {
  it("reads the documented success shape", () => {
    const result = readCdrResponse({
      ERROR_NUMBER: 0,
      ERROR_DESCRIPTION: "OK",
      STATUS_CODE: 200,
      TOTAL_HITS: 2,
      RETURN_HITS: 2,
      CDR_LIST: [{ CallID: "a" }, { CallID: "b" }],
    });
    expect(result).toEqual({
      kind: "ok",
      totalHits: 2,
      returnHits: 2,
      calls: [{ CallID: "a" }, { CallID: "b" }],
      rejected: { count: 0, reasons: [] },
      rejectedRecords: [],
    });
  });

  it("keeps what can still be read of an unreadable record, never its RecordURL", () => {
    const result = readCdrResponse(
      {
        TOTAL_HITS: 1,
        CDR_LIST: [
          {
            callid: "x1",
            Date: "2024-06-02 10:00:00",
            CdrType: "8",
            CallerNumber: "0501234567",
            TargetNumber: 972722776772,
            DID: "036000000",
            Duration: "long",
            RecordURL: "https://rec.example/secret.mp3",
          },
        ],
      },
      ["CallID", "Date"],
    );
    expect(result).toMatchObject({ kind: "ok", rejected: { count: 1 } });
    if (result.kind !== "ok") return;
    const [record] = result.rejectedRecords;
    expect(record).toMatchObject({
      reason: "Duration: expected a number",
      callId: "x1",
      at: Date.UTC(2024, 5, 2, 10),
      cdrType: 8,
      numbers: ["0501234567", "972722776772", "036000000"],
    });
    expect(record?.extensions).toBeUndefined();
    expect(record?.fingerprint).not.toContain("secret");
  });

  it.each([[0], ["0"], [undefined]])("treats ERROR_NUMBER %j as success", (errorNumber) => {
    const body: Record<string, unknown> = { TOTAL_HITS: "1", CDR_LIST: [{ CallID: "a" }] };
    if (errorNumber !== undefined) body.ERROR_NUMBER = errorNumber;
    expect(readCdrResponse(body)).toMatchObject({ kind: "ok", totalHits: 1, returnHits: 1 });
  });

  it("reads lowercase response keys", () => {
    const result = readCdrResponse({
      error_number: "0",
      total_hits: "12000",
      return_hits: "1",
      cdr_list: [{ callid: "a" }],
    });
    expect(result).toMatchObject({
      kind: "ok",
      totalHits: 12000,
      returnHits: 1,
      calls: [{ CallID: "a" }],
    });
  });

  it("reports upstream errors with their number and description", () => {
    const result = readCdrResponse({
      ERROR_NUMBER: "1",
      ERROR_DESCRIPTION: "Request limit exceeded. Please try again later.",
      STATUS_CODE: "403",
    });
    expect(result).toEqual({
      kind: "error",
      errorNumber: 1,
      description: "Request limit exceeded. Please try again later.",
      statusCode: 403,
    });
  });

  it("counts unreadable records with reasons and keeps the rest", () => {
    const result = readCdrResponse({
      TOTAL_HITS: 4,
      CDR_LIST: [
        { CallID: "a" },
        { CallID: "b", Duration: "x" },
        7,
        { CallID: "c", Duration: "y" },
      ],
    });
    expect(result).toMatchObject({
      kind: "ok",
      calls: [{ CallID: "a" }],
      rejected: { count: 3, reasons: ["Duration: expected a number", "record is not an object"] },
    });
  });

  it("calls a body that is not an object, or a CDR_LIST that is not a list, malformed", () => {
    expect(readCdrResponse("<html>")).toMatchObject({ kind: "malformed" });
    expect(readCdrResponse([1])).toMatchObject({ kind: "malformed" });
    expect(readCdrResponse({ CDR_LIST: "nope" })).toMatchObject({
      kind: "malformed",
      reason: "CDR_LIST is not a list",
    });
    expect(readCdrResponse({ ERROR_NUMBER: "bad" })).toMatchObject({ kind: "malformed" });
  });

  it("treats a success without CDR_LIST as no calls", () => {
    expect(readCdrResponse({ ERROR_NUMBER: 0, TOTAL_HITS: 0 })).toMatchObject({
      kind: "ok",
      totalHits: 0,
      calls: [],
    });
  });
});
