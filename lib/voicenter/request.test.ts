import { describe, expect, it } from "vitest";

import { buildCdrRequestBody, parseCdrRequest } from "./request";

const FROM = Date.UTC(2021, 9, 2, 8, 9, 40);
const TO = Date.UTC(2021, 10, 9, 23, 59, 40);

describe("buildCdrRequestBody", () => {
  it("builds the documented POST body with search as a one-element array", () => {
    const body = buildCdrRequestBody(
      {
        from: FROM,
        to: TO,
        cdrTypes: [1, 8, 9],
        phones: ["972501234567"],
        extensions: ["SipSip"],
        identityCriteria: "Account",
        callId: "xxxx",
        queueIds: [3],
        campaignIds: [9],
        fields: ["CallID", "Date"],
        sort: [{ field: "Date", order: "desc" }],
      },
      "secret",
    );
    expect(body).toEqual({
      code: "secret",
      fields: ["CallID", "Date"],
      search: [
        {
          fromdate: "2021-10-02T08:09:40",
          todate: "2021-11-09T23:59:40",
          cdrTypes: [1, 8, 9],
          phones: ["972501234567"],
          extensions: ["SipSip"],
          IdentityCriteria: "Account",
          callID: "xxxx",
          queueID: [3],
          campaignID: [9],
        },
      ],
      sort: [{ field: "Date", order: "desc" }],
    });
  });

  it("leaves the code out when a bearer token carries it", () => {
    expect(buildCdrRequestBody({ from: FROM, to: TO })).not.toHaveProperty("code");
  });
});

describe("parseCdrRequest (the upstream's reading of a request)", () => {
  it("round-trips what the client builds", () => {
    const query = {
      from: FROM,
      to: TO,
      cdrTypes: [1],
      fields: ["Date" as const],
      sort: [{ field: "Duration" as const, order: "asc" as const }],
    };
    const parsed = parseCdrRequest(buildCdrRequestBody(query, "c"));
    expect(parsed).toMatchObject({ ok: true, code: "c", query });
  });

  it("accepts dates at the top level, search as an object, any key casing", () => {
    const top = parseCdrRequest({
      code: "c",
      fromdate: "2021-10-02T08:09:40Z",
      todate: "2021-11-09T23:59:40",
    });
    const object = parseCdrRequest({
      code: "c",
      search: { FromDate: "2021-10-02T08:09:40", ToDate: "2021-11-09T23:59:40.000Z" },
    });
    for (const parsed of [top, object])
      expect(parsed).toMatchObject({ ok: true, query: { from: FROM, to: TO } });
  });

  it("accepts dates without seconds", () => {
    expect(
      parseCdrRequest({ fromdate: "2021-10-02T08:09", todate: "2021-10-02T09:00" }),
    ).toMatchObject({
      ok: true,
      query: { from: Date.UTC(2021, 9, 2, 8, 9) },
    });
  });

  it("reads fields and Fields in any casing, GET-style single values, and sort as JSON text", () => {
    const parsed = parseCdrRequest({
      fromdate: "2021-10-02T08:09:40",
      todate: "2021-10-03T08:09:40",
      Fields: ["date", "TYPE", "Bogus"],
      sort: '[{"field":"date","order":"DESC"}]',
      cdrTypes: "8",
    });
    expect(parsed).toMatchObject({
      ok: true,
      fieldsUnknown: ["Bogus"],
      query: { fields: ["Date", "Type"], sort: [{ field: "Date", order: "desc" }], cdrTypes: [8] },
    });
  });

  it("refuses what it cannot read, saying what", () => {
    expect(parseCdrRequest({ todate: "2021-10-03T08:09:40" })).toMatchObject({
      ok: false,
      missingDates: true,
    });
    expect(parseCdrRequest({ fromdate: "soon", todate: "2021-10-03T08:09:40" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("fromdate") as string,
    });
    expect(
      parseCdrRequest({ fromdate: "2021-10-02", todate: "2021-10-03", cdrTypes: [3] }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("unknown call type") as string });
    expect(
      parseCdrRequest({ fromdate: "2021-10-02", todate: "2021-10-03", sort: [{ field: "Nope" }] }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("Nope") as string });
  });
});
