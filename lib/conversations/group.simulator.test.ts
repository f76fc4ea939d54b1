import { describe, expect, it } from "vitest";

import { DAY_MS } from "@/lib/time/units";
import { TWO_LEG_TYPES } from "@/lib/voicenter/call-types";
import { groupConversationsBefore } from "@/testing/conversations/group-before";
import { simulatedApiCalls } from "@/testing/simulator";

import { groupConversations } from "./group";
import { callTypeIdOf } from "./records";

const SUNDAY_DAY = Date.UTC(2024, 5, 9) / DAY_MS;
const calls = simulatedApiCalls({ seed: 42, callsPerDay: 3000 }, SUNDAY_DAY, 2);
const conversations = groupConversations(calls);
const types = (legs: readonly { CdrType?: number; Type?: string }[]) =>
  legs.map((leg) => callTypeIdOf(leg)).join("/");

describe("conversations of two simulated days", () => {
  it("are what the grouping gave before its loops were restructured", () => {
    expect(conversations).toStrictEqual(groupConversationsBefore(calls));
  });

  it("holds every record once", () => {
    expect(conversations.reduce((n, c) => n + c.legs.length, 0)).toBe(calls.length);
    expect(new Set(conversations.flatMap((c) => c.legs)).size).toBe(calls.length);
  });

  it("pairs the two-leg types, joins each transfer to its queue call, and leaves the rest alone", () => {
    const shapes = new Map<string, number>();
    for (const c of conversations) shapes.set(types(c.legs), (shapes.get(types(c.legs)) ?? 0) + 1);
    const pairs = TWO_LEG_TYPES.map(([a, b]) => `${a}/${b}`);
    for (const [shape, count] of shapes) {
      const legs = shape.split("/");
      if (legs.length === 1)
        expect(["13", "21", "22", "9", "10", "14", "15", "17", "18", "19"]).not.toContain(shape);
      else expect([...pairs, "8/13"], `${shape} ×${count}`).toContain(shape);
    }
    expect(shapes.get("8/13")).toBeGreaterThan(10);
    expect(conversations.filter((c) => c.partial)).toEqual([]);
  });

  it("splits inbound, outbound and internal the way the records mean them", () => {
    const direction = (shape: string) =>
      conversations.find((c) => types(c.legs) === shape)?.direction;
    expect(direction("8")).toBe("inbound");
    expect(direction("23")).toBe("inbound");
    expect(direction("8/13")).toBe("inbound");
    expect(direction("17/19")).toBe("outbound");
    expect(direction("9/10")).toBe("outbound");
    expect(direction("16")).toBe("internal");
    expect(direction("12")).toBe("internal");
  });
});
