import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";

import { buildLegIndex, otherLegs } from "./legs";

const call = (CallID: string, Date: string, original?: string): ApiCall => ({
  CallID,
  Date,
  HasRecording: false,
  CustomData: original ? { OriginalIvrUniqueID: original } : {},
});

describe("call legs", () => {
  const leg1 = call("L1", "2026-11-25T08:00:00Z", "ORIG");
  const leg2 = call("L2", "2026-11-25T08:00:05Z", "ORIG");
  const original = call("ORIG", "2026-11-25T07:59:59Z");
  const lone = call("X", "2026-11-25T09:00:00Z");
  const index = buildLegIndex([leg2, lone, leg1, original]);

  it("finds the legs that share an OriginalIvrUniqueID, and the original call itself", () => {
    expect(otherLegs(leg1, index).map((c) => c.CallID)).toEqual(["ORIG", "L2"]);
    expect(otherLegs(original, index).map((c) => c.CallID)).toEqual(["L1", "L2"]);
  });

  it("finds nothing for a call without legs", () => {
    expect(otherLegs(lone, index)).toEqual([]);
  });
});
