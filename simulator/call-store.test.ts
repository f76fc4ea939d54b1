import { describe, expect, it } from "vitest";

import { createCallStore } from "./call-store";
import { generateDay } from "./generate-day";
import { DAY, SUNDAY } from "./test-helpers";

const sunday = Math.floor(SUNDAY / DAY);

describe("createCallStore", () => {
  it("keeps at most maxDays (and maxCalls) and regenerates evicted days identically", () => {
    const store = createCallStore({ seed: 42, callsPerDay: 3000, maxDays: 4 });
    const first = store.day(sunday);
    for (let i = 1; i < 10; i++) store.day(sunday + i);
    expect(store.cachedDays()).toBe(4);
    const again = store.day(sunday);
    expect(again).not.toBe(first);
    expect(again.map((c) => c.callId)).toEqual(first.map((c) => c.callId));

    const small = createCallStore({ seed: 42, callsPerDay: 3000, maxCalls: 5000 });
    for (let i = 0; i < 5; i++) small.day(sunday + i);
    expect(small.cachedDays()).toBeLessThanOrEqual(2);
  });

  it("finds a call from its id alone", () => {
    const store = createCallStore({ seed: 42, callsPerDay: 3000 });
    const call = generateDay({ seed: 42, callsPerDay: 3000 }, sunday + 3)[1234];
    expect(store.findCall(call?.callId ?? "")?.callId).toBe(call?.callId);
    expect(store.findCall(`${call?.callId.slice(0, -1) ?? ""}z`)).toBeUndefined();
    expect(store.findCall("20240612")).toBeUndefined();
  });
});
