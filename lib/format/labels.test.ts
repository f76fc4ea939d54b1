import { describe, expect, it } from "vitest";

import { tableTranslator } from "@/testing/translate";

import { callTypeIdOf, callTypeLabel, createLabeler, statusLabel } from "./labels";

const en = tableTranslator("en");
const he = tableTranslator("he");

describe("call type labels", () => {
  it("names a type by its id, in the viewer's language", () => {
    expect(callTypeLabel(8, "Queue", en)).toBe("Queue");
    expect(callTypeLabel(8, "Queue", he)).toBe("תור");
    expect(callTypeLabel(1, undefined, he)).toBe("נכנסת");
  });

  it("finds the id from the documented name when only Type was sent", () => {
    expect(callTypeIdOf(undefined, "Click2Call leg2")).toBe(10);
    expect(callTypeLabel(undefined, "click2call leg2", en)).toBe("Click2Call leg 2");
  });

  it("shows a type the contract does not know as the upstream named it", () => {
    expect(callTypeLabel(42, "Hologram", en)).toBe("Hologram");
    expect(callTypeLabel(42, undefined, en)).toBe("42");
    expect(callTypeLabel(undefined, undefined, en)).toBe("");
  });
});

describe("status labels", () => {
  it("translates every documented status and passes unknown ones through", () => {
    expect(statusLabel("ANSWER", en)).toBe("Answered");
    expect(statusLabel("ANSWER", he)).toBe("נענתה");
    expect(statusLabel("ABANDONE", he)).toBe("ננטשה");
    expect(statusLabel("TELEPORTED", en)).toBe("TELEPORTED");
    expect(statusLabel(undefined, en)).toBe("");
  });

  it("asks for each label once however many calls share it", () => {
    let lookups = 0;
    const labeler = createLabeler((key) => {
      lookups++;
      return en(key);
    });
    for (let i = 0; i < 1000; i++) {
      labeler.status("ANSWER");
      labeler.callType(8, "Queue");
    }
    expect(labeler.status("ANSWER")).toBe("Answered");
    expect(lookups).toBe(2);
  });
});
