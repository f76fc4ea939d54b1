import { describe, expect, it } from "vitest";

import { outcomeOf } from "../lib/voicenter/dial-statuses";
import { CALL_BACK_SHARE } from "./builders-follow-up";
import { generateDay } from "./generate-day";
import { endsAt, FIELD_VALUES, type SimCall } from "./sim-call";
import { DAY, SUNDAY } from "./test-helpers";

const options = { seed: 42, callsPerDay: 3000 };
const sunday = Math.floor(SUNDAY / DAY);
const days = (count: number, seed = 42): SimCall[][] =>
  Array.from({ length: count }, (_, i) => generateDay({ ...options, seed }, sunday + i));

describe("transfers", () => {
  const calls = days(7).flat();
  const transfers = calls.filter((c) => c.cdrType === 13);

  it("continue an answered queue call: same agent and customer, starting as it ends, linked to it", () => {
    expect(transfers.length).toBeGreaterThan(50);
    for (const transfer of transfers) {
      const original = transfer.original!;
      expect(original.cdrType).toBe(8);
      expect(original.status).toBe("ANSWER");
      expect(transfer.agent).toBe(original.agent);
      expect(transfer.callerNumber).toBe(original.callerNumber);
      expect(transfer.epoch).toBe(endsAt(original));
      expect(FIELD_VALUES.CustomData(transfer, "")).toMatchObject({
        OriginalIvrUniqueID: original.callId,
      });
      // The call it continues carries no link of its own.
      expect(FIELD_VALUES.CustomData(original, "")).not.toHaveProperty("OriginalIvrUniqueID");
    }
  });
});

describe("call backs", () => {
  const isMiss = (c: SimCall) =>
    [1, 8, 23].includes(c.cdrType) &&
    c.callerNumber.startsWith("0") &&
    ["missed", "abandoned"].includes(outcomeOf(c.status));

  it("an agent calls back about half of the missed customers, later the same day", () => {
    let misses = 0;
    let calledBack = 0;
    for (const day of days(7)) {
      const outgoing = day.filter((c) => c.cdrType === 4 && c.agent);
      for (const miss of day.filter(isMiss)) {
        misses++;
        const international = `972${miss.callerNumber.slice(1)}`;
        if (outgoing.some((c) => c.targetNumber === international && c.epoch >= endsAt(miss))) {
          calledBack++;
        }
      }
    }
    expect(misses).toBeGreaterThan(1000);
    // Fewer than drawn: nobody on duty at night, or past the end of the day.
    expect(calledBack / misses).toBeGreaterThan(CALL_BACK_SHARE * 0.6);
    expect(calledBack / misses).toBeLessThan(CALL_BACK_SHARE * 1.3);
  });

  it("are the same for the same seed, and others for another seed", () => {
    const view = (calls: SimCall[]) =>
      calls.filter((c) => c.cdrType === 4).map((c) => [c.callId, c.epoch, c.targetNumber]);
    const [a] = days(1);
    const [b] = days(1);
    const [other] = days(1, 7);
    expect(view(a!)).toEqual(view(b!));
    expect(view(other!)).not.toEqual(view(a!));
  });
});
