import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

import { countByStatus } from "./status-counts";

let id = 0;
const call = (DialStatus?: string): ApiCall =>
  DialStatus === undefined
    ? { CallID: `s${id++}`, HasRecording: false }
    : { CallID: `s${id++}`, HasRecording: false, DialStatus };

describe("countByStatus", () => {
  it("lists every contract status in order, zeros included, then unknown ones by count, then none", () => {
    const calls = [
      call("ANSWER"),
      call("ANSWER"),
      call("TIMEOUT"),
      call("ZZNEW"),
      call("AANEW"),
      call("AANEW"),
      call(),
      call(""),
    ];
    const counts = countByStatus(calls);
    expect(counts.slice(0, DIAL_STATUS_NAMES.length).map((c) => c.status)).toEqual(
      DIAL_STATUS_NAMES,
    );
    expect(counts.find((c) => c.status === "ANSWER")).toEqual({
      known: true,
      status: "ANSWER",
      outcome: "answered",
      count: 2,
    });
    expect(counts.find((c) => c.status === "TIMEOUT")).toMatchObject({
      outcome: "abandoned",
      count: 1,
    });
    expect(counts.find((c) => c.status === "BUSY")).toMatchObject({ outcome: "missed", count: 0 });
    expect(counts.slice(DIAL_STATUS_NAMES.length)).toEqual([
      { known: false, status: "AANEW", outcome: "failed", count: 2 },
      { known: false, status: "ZZNEW", outcome: "failed", count: 1 },
      { known: false, status: "", outcome: "failed", count: 2 },
    ]);
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(calls.length);
  });

  it("an empty list still lists the contract's statuses, all zero", () => {
    const counts = countByStatus([]);
    expect(counts).toHaveLength(DIAL_STATUS_NAMES.length);
    expect(counts.every((c) => c.count === 0 && c.known)).toBe(true);
  });
});
