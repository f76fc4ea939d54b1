import { describe, expect, it } from "vitest";

import { CALL_TYPE_IDS, CALL_TYPES, TWO_LEG_TYPES } from "./call-types";

describe("call types: direction, leg role and the customer's number", () => {
  it("leg 1 of every two-leg type rings the agent, the customer or a colleague; leg 2 is the customer's", () => {
    for (const [first, second] of TWO_LEG_TYPES) {
      expect(["agent", "dial", "consult"]).toContain(CALL_TYPES[first].legRole);
      expect(CALL_TYPES[second].legRole).toBe("customer");
      expect(CALL_TYPES[second].customer).not.toBe("none");
    }
  });

  it("counts a smart-dialer leg 2 as outgoing and a forwarded call as incoming", () => {
    expect([18, 19].map((id) => CALL_TYPES[id as 18 | 19].direction)).toEqual([
      "outgoing",
      "outgoing",
    ]);
    expect(CALL_TYPES[23]).toMatchObject({
      direction: "incoming",
      legRole: "forward",
      customer: "caller",
    });
    expect(CALL_TYPES[13]).toMatchObject({
      direction: "internal",
      legRole: "transfer",
      customer: "caller",
    });
  });

  it("names no customer only on legs between agents and services", () => {
    const none = CALL_TYPE_IDS.filter((id) => CALL_TYPES[id].customer === "none");
    expect(none).toEqual([9, 12, 14, 21]);
    for (const id of CALL_TYPE_IDS) {
      if (CALL_TYPES[id].direction === "outgoing" && CALL_TYPES[id].legRole !== "agent") {
        expect(CALL_TYPES[id].customer, String(id)).not.toBe("none");
      }
    }
  });
});
