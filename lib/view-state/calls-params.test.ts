import { describe, expect, it } from "vitest";

import {
  CALLS_PARAM_NAMES,
  callsQueryToSearchParams,
  parseCallsParams,
  toCdrQuery,
  type CallsQuery,
} from "./calls-params";

const RANGE = "from=2024-06-12T00:00:00%2B03:00&to=2024-06-13T00:00:00Z";
const FROM = Date.UTC(2024, 5, 11, 21, 0, 0);
const TO = Date.UTC(2024, 5, 13, 0, 0, 0);

function parse(query: string) {
  return parseCallsParams(new URLSearchParams(query));
}

function ok(query: string): CallsQuery {
  const result = parse(query);
  if (!result.ok) throw new Error(`expected ok, got ${result.param}: ${result.message}`);
  return result.query;
}

function fails(query: string, param: string) {
  const result = parse(query);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.param).toBe(param);
  return result.ok ? "" : result.message;
}

describe("parseCallsParams: the range", () => {
  it("reads instants with an offset or Z as a half-open range in epoch ms", () => {
    expect(ok(RANGE)).toEqual({ from: FROM, to: TO });
    expect(ok("from=2024-06-12T08:30Z&to=2024-06-12T09:00:00.500z")).toEqual({
      from: Date.UTC(2024, 5, 12, 8, 30),
      to: Date.UTC(2024, 5, 12, 9, 0, 0, 500),
    });
  });

  it("refuses a bare local time, naming from or to and saying a zone is needed", () => {
    expect(fails("from=2024-06-12T00:00:00&to=2024-06-13T00:00:00Z", "from")).toMatch(/time zone/);
    expect(fails("from=2024-06-12T00:00:00Z&to=2024-06-13", "to")).toMatch(/time zone/);
  });

  it("refuses missing, repeated, unreadable and impossible instants", () => {
    expect(fails("to=2024-06-13T00:00:00Z", "from")).toMatch(/required/);
    expect(fails("from=2024-06-12T00:00:00Z", "to")).toMatch(/required/);
    fails(`${RANGE}&from=2024-06-11T00:00:00Z`, "from");
    fails("from=yesterday&to=2024-06-13T00:00:00Z", "from");
    fails("from=2024-02-30T00:00:00Z&to=2024-03-13T00:00:00Z", "from");
  });

  it("requires from before to, and at most 400 days (a year opens)", () => {
    expect(fails("from=2024-06-13T00:00:00Z&to=2024-06-13T00:00:00Z", "to")).toMatch(
      /later than from/,
    );
    expect(fails("from=2023-01-01T00:00:00Z&to=2024-06-13T00:00:00Z", "to")).toMatch(/400 days/);
    expect(ok("from=2024-03-01T00:00:00Z&to=2024-06-02T00:00:00Z").to).toBe(Date.UTC(2024, 5, 2));
    expect(ok("from=2023-06-13T00:00:00Z&to=2024-06-13T00:00:00Z").from).toBe(
      Date.UTC(2023, 5, 13),
    );
  });
});

describe("parseCallsParams: filters", () => {
  it("normalizes phones to the international form, from repeats and comma lists", () => {
    expect(ok(`${RANGE}&phone=050-123-4567&phone=%2B972%2072-277-6772,0501234567`).phones).toEqual([
      "972501234567",
      "972722776772",
    ]);
    expect(fails(`${RANGE}&phone=call-me`, "phone")).toContain("call-me");
  });

  it("reads extensions as identifiers", () => {
    expect(ok(`${RANGE}&ext=SipSip,AAPINFzL&ext=SipSip`).extensions).toEqual([
      "AAPINFzL",
      "SipSip",
    ]);
    fails(`${RANGE}&ext=two words`, "ext");
  });

  it("reads queue and campaign ids as whole numbers", () => {
    expect(ok(`${RANGE}&queue=12&queue=3,12`).queueIds).toEqual([3, 12]);
    expect(ok(`${RANGE}&campaign=77`).campaignIds).toEqual([77]);
    fails(`${RANGE}&queue=sales`, "queue");
    fails(`${RANGE}&campaign=-1`, "campaign");
  });

  it("accepts only the contract's call types, both as repeats and as a list", () => {
    expect(ok(`${RANGE}&type=1&type=8`).cdrTypes).toEqual([1, 8]);
    expect(ok(`${RANGE}&type=8,1`).cdrTypes).toEqual([1, 8]);
    expect(fails(`${RANGE}&type=3`, "type")).toMatch(/not a Voicenter call type/);
  });

  it("takes one call id", () => {
    expect(ok(`${RANGE}&callId=20200720095ilila137b2f69s`).callId).toBe(
      "20200720095ilila137b2f69s",
    );
    fails(`${RANGE}&callId=a&callId=b`, "callId");
    fails(`${RANGE}&callId=%3Cscript%3E`, "callId");
  });

  it("reads the scope, a user's code included", () => {
    expect(ok(`${RANGE}&scope=account`).scope).toEqual({ criteria: "Account" });
    expect(ok(`${RANGE}&scope=Hierarchical`).scope).toEqual({ criteria: "Hierarchical" });
    expect(ok(`${RANGE}&scope=department`).scope).toEqual({ criteria: "Department" });
    expect(ok(`${RANGE}&scope=user:19996`).scope).toEqual({ criteria: "User", userCode: "19996" });
    fails(`${RANGE}&scope=user:`, "scope");
    fails(`${RANGE}&scope=everyone`, "scope");
  });

  it("reads field names in any casing, in catalogue order, and names an unknown one", () => {
    expect(ok(`${RANGE}&fields=duration,Date&fields=CallID`).fields).toEqual([
      "Date",
      "Duration",
      "CallID",
    ]);
    expect(fails(`${RANGE}&fields=Date,Colour`, "fields")).toContain("Colour");
  });

  it("ignores parameters that belong to the page, and empty values", () => {
    expect(ok(`${RANGE}&sort=Duration.desc&columns=a,b&phone=&type=`)).toEqual({
      from: FROM,
      to: TO,
    });
  });

  it("lists its parameter names", () => {
    expect(CALLS_PARAM_NAMES).toEqual([
      "from",
      "to",
      "phone",
      "ext",
      "queue",
      "type",
      "campaign",
      "callId",
      "scope",
      "fields",
    ]);
  });
});

describe("callsQueryToSearchParams", () => {
  it("gives equal strings for equal queries however they were written", () => {
    const a = ok(`${RANGE}&type=8,1&phone=0501234567&fields=Duration,Date&scope=user:7`);
    const b = ok(
      "from=2024-06-11T21:00:00Z&to=2024-06-13T03:00:00%2B03:00&type=1&type=8&phone=%2B972501234567&fields=Date&fields=duration&scope=USER:7",
    );
    expect(callsQueryToSearchParams(a).toString()).toBe(callsQueryToSearchParams(b).toString());
  });

  it("round-trips through parseCallsParams", () => {
    const query = ok(
      `${RANGE}&type=1,8&queue=3&campaign=4&ext=SipSip&callId=x1&scope=department&fields=Date`,
    );
    expect(parseCallsParams(callsQueryToSearchParams(query))).toEqual({ ok: true, query });
  });
});

describe("toCdrQuery", () => {
  it("maps the scope and asks for every field unless some were chosen", () => {
    const cdr = toCdrQuery(ok(`${RANGE}&scope=user:19996&queue=3`));
    expect(cdr).toMatchObject({
      from: FROM,
      to: TO,
      identityCriteria: "User",
      userCode: "19996",
      queueIds: [3],
    });
    expect(cdr.fields?.length).toBeGreaterThan(20);
    expect(toCdrQuery(ok(`${RANGE}&fields=Date`)).fields).toEqual(["Date"]);
  });
});
