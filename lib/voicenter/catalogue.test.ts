import { describe, expect, it } from "vitest";

import { CALL_TYPE_IDS, CALL_TYPES } from "./call-types";
import { DIAL_STATUS_NAMES, outcomeOf } from "./dial-statuses";
import { UPSTREAM_ERRORS } from "./errors";
import { canonicalFieldName, FIELD_NAMES } from "./fields";

describe("the contract's catalogue", () => {
  it("lists every documented record field once", () => {
    expect(FIELD_NAMES).toHaveLength(25);
    expect(new Set(FIELD_NAMES.map((f) => f.toLowerCase())).size).toBe(FIELD_NAMES.length);
  });

  it("knows both documented spellings of the extension fields", () => {
    expect(canonicalFieldName("Targetextension")).toBe("TargetExtension");
    expect(canonicalFieldName("callerextension")).toBe("CallerExtension");
    expect(canonicalFieldName(" date ")).toBe("Date");
    expect(canonicalFieldName("Calleumber")).toBeUndefined();
  });

  it("has every documented call type (the vendor's table lists 19: ids 1–23 without 3, 5, 6, 7)", () => {
    expect(CALL_TYPE_IDS).toEqual([
      1, 2, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
    expect(CALL_TYPES[8].name).toBe("Queue");
    expect(CALL_TYPES[23].name).toBe("Auto forward");
  });

  it("has the 18 dial statuses, each grouped for KPIs", () => {
    expect(DIAL_STATUS_NAMES).toHaveLength(18);
    expect(outcomeOf("ANSWER")).toBe("answered");
    expect(outcomeOf("ABANDONE")).toBe("abandoned");
    expect(outcomeOf("NOANSWER")).toBe("missed");
    expect(outcomeOf("CONGESTION")).toBe("failed");
    expect(outcomeOf("SOMETHING_NEW")).toBe("failed");
    expect(outcomeOf(undefined)).toBe("failed");
  });

  it("has the documented error numbers", () => {
    expect(Object.keys(UPSTREAM_ERRORS).map(Number)).toEqual([0, 1, 2, 4, 5]);
    expect(UPSTREAM_ERRORS[5].status).toBe(404);
  });
});
