import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { normalizePhone } from "@/lib/voicenter/phone";

import { filterCallsLocally, NO_LOCAL_FILTERS } from "./local-filter";
import type { UpstreamFilters } from "./parsers";
import { beyondBrowserRange, buildViewRequest, withinBrowserRange } from "./view-request";

const none: UpstreamFilters = {
  from: null,
  to: null,
  range: null,
  phone: null,
  ext: null,
  queue: null,
  type: null,
  campaign: null,
  callId: null,
  scope: null,
};
const now = Date.UTC(2026, 10, 25, 8, 0);
const opts = {
  now,
  timeZone: "Asia/Jerusalem",
  fields: ["CallID" as const, "Date" as const],
  normalizePhone,
};

describe("buildViewRequest", () => {
  it("defaults to today in the viewer's zone", () => {
    const request = buildViewRequest(none, opts);
    expect(request).toMatchObject({
      ok: true,
      preset: "today",
      query: { from: Date.UTC(2026, 10, 24, 22), to: now },
    });
  });

  it("prefers a custom range and carries every upstream filter with the /api/calls names", () => {
    const request = buildViewRequest(
      {
        ...none,
        range: "yesterday",
        from: "2026-11-01T00:00:00+02:00",
        to: "2026-11-02T00:00:00+02:00",
        phone: ["050-123-4567"],
        ext: ["SipSip"],
        queue: [3, 1],
        type: [8],
        campaign: [7],
        callId: "abc",
        scope: "user:19996",
      },
      opts,
    );
    expect(request.ok).toBe(true);
    if (!request.ok) return;
    expect(request.preset).toBeNull();
    expect(request.query).toMatchObject({
      from: Date.UTC(2026, 9, 31, 22),
      phones: ["972501234567"],
      extensions: ["SipSip"],
      queueIds: [1, 3],
      cdrTypes: [8],
      campaignIds: [7],
      callId: "abc",
      scope: { criteria: "User", userCode: "19996" },
      fields: ["Date", "CallID"],
    });
    // The request is written in the canonical form the server caches under.
    expect(new URLSearchParams(request.search).get("phone")).toBe("972501234567");
    expect(new URLSearchParams(request.search).get("queue")).toBe("1,3");
  });

  it("keeps what the URL writer must escape: a + in a number, a space", () => {
    const request = buildViewRequest({ ...none, phone: ["+972 50-123-4567"] }, opts);
    expect(request).toMatchObject({ ok: true, query: { phones: ["972501234567"] } });
  });

  it("waits for the phone normalizer (loaded on demand) when the URL has phones", () => {
    const withoutNormalizer = { ...opts, normalizePhone: null };
    expect(buildViewRequest({ ...none, phone: ["050-123-4567"] }, withoutNormalizer)).toEqual({
      ok: false,
      param: "phone",
      message: "",
      pending: true,
    });
    expect(buildViewRequest({ ...none, type: [8] }, withoutNormalizer)).toMatchObject({ ok: true });
  });

  it("names the parameter a bad value came in", () => {
    expect(buildViewRequest({ ...none, phone: ["call me"] }, opts)).toMatchObject({
      ok: false,
      param: "phone",
    });
    expect(buildViewRequest({ ...none, type: [3] }, opts)).toMatchObject({
      ok: false,
      param: "type",
    });
    expect(
      buildViewRequest({ ...none, from: "2026-11-01", to: "2026-11-02T00:00:00Z" }, opts),
    ).toMatchObject({
      ok: false,
      param: "from",
    });
  });
});

describe("withinBrowserRange", () => {
  const view = (from: string) =>
    buildViewRequest({ ...none, from, to: "2026-11-25T00:00:00Z" }, opts);
  it("opens a year where paged mode serves it, and refuses it where every call is held", () => {
    const quarter = view("2026-08-24T00:00:00Z");
    expect(beyondBrowserRange(quarter)).toBe(false);
    expect(withinBrowserRange(quarter)).toBe(quarter);
    const year = view("2025-11-25T00:00:00Z");
    expect(year.ok).toBe(true);
    expect(beyondBrowserRange(year)).toBe(true);
    const refused = withinBrowserRange(year);
    expect(refused).toMatchObject({ ok: false, param: "to" });
    expect(refused.ok ? "" : refused.message).toMatch(
      /at most 93 days.*Calls page opens up to 400/,
    );
    const why = withinBrowserRange(year, "the store is off");
    expect(why.ok ? "" : why.message).toMatch(/; the store is off$/);
  });
});

describe("filterCallsLocally", () => {
  const calls: ApiCall[] = [
    { CallID: "a", DialStatus: "ANSWER", Duration: 30, HasRecording: true },
    { CallID: "b", DialStatus: "ABANDONE", Duration: 0, HasRecording: false },
    { CallID: "c", DialStatus: "ANSWER", Duration: 300, HasRecording: true },
  ];
  it("keeps the list as is without local filters", () => {
    expect(filterCallsLocally(calls, NO_LOCAL_FILTERS)).toBe(calls);
  });
  it("filters by status and by duration bounds (inclusive)", () => {
    const ids = (f: Partial<Parameters<typeof filterCallsLocally>[1]>) =>
      filterCallsLocally(calls, { ...NO_LOCAL_FILTERS, ...f }).map((c) => c.CallID);
    expect(ids({ status: ["ANSWER"], minDur: null, maxDur: null })).toEqual(["a", "c"]);
    expect(ids({ status: null, minDur: 30, maxDur: 300 })).toEqual(["a", "c"]);
    expect(ids({ status: ["ANSWER"], minDur: null, maxDur: 60 })).toEqual(["a"]);
  });
});
