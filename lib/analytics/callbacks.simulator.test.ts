import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { simulatedApiCalls } from "@/simulator/as-api-calls";

import { computeCallbacks } from "./callbacks";
import { computeCallerStats } from "./callers";

const SUNDAY = Date.UTC(2024, 5, 9);
const calls = simulatedApiCalls({ seed: 42, callsPerDay: 3000 }, SUNDAY / 86_400_000, 3);
const now = SUNDAY + 3 * 86_400_000;

describe("the callback worklist over three simulated days", () => {
  const { rows, kpis } = computeCallbacks(groupConversations(calls), { now });

  it("has open rows, and rows closed by an agent's call back or by the caller's next call", () => {
    expect(kpis.open).toBeGreaterThan(50);
    expect(kpis.reached).toBeGreaterThan(200);
    const byAgent = rows.filter((r) => r.reachedVia === "outbound" && r.reachedBy !== null);
    expect(byAgent.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.reachedVia === "inbound")).toBe(true);
    expect(kpis.medianTimeToCallbackSeconds).toBeGreaterThan(60);
  });

  it("counts as many callers not called back as the KPI strip does", () => {
    expect(computeCallerStats(calls).unreturnedCallers).toBe(kpis.notCalledBack);
  });
});
