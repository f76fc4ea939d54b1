import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { DAY_MS } from "@/lib/time/units";
import { simulatedApiCalls } from "@/testing/simulator";

import { computeAgentStats } from "./agents";
import { computeCallbacks } from "./callbacks";
import { computeCallerStats } from "./callers";
import { computeConversationKpis } from "./conversation-kpis";
import { computeHeatmap } from "./heatmap";
import { computeQueueStats } from "./queues";

const SUNDAY = Date.UTC(2024, 5, 9);
const range = { from: SUNDAY, to: SUNDAY + 3 * DAY_MS };
const calls = simulatedApiCalls({ seed: 42, callsPerDay: 3000 }, SUNDAY / DAY_MS, 3);
const conversations = groupConversations(calls);
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("the figures over three simulated days", () => {
  it("KPIs count conversations, split by direction, within plausible bounds", () => {
    const kpis = computeConversationKpis(conversations);
    expect(kpis.records).toBe(calls.length);
    expect(kpis.conversations).toBeLessThan(calls.length);
    expect(kpis.inbound.answeredRate).toBeGreaterThan(0.6);
    expect(kpis.inbound.answeredRate).toBeLessThan(0.9);
    expect(kpis.outbound.connectedRate).toBeGreaterThan(0.4);
    expect(kpis.outbound.connectedRate).toBeLessThan(0.8);
    expect(roundTrip(kpis)).toEqual(kpis);
  });

  it("agents: about the company's 30, and the figures add up to the conversations'", () => {
    const rows = computeAgentStats(conversations);
    const people = rows.filter((r) => r.code !== undefined);
    expect(people.length).toBeGreaterThan(20);
    expect(people.length).toBeLessThanOrEqual(30);
    expect(people.every((r) => r.missed > 0 && r.inboundAnswered > 0)).toBe(true);
    const answered = computeConversationKpis(conversations).inbound.answered;
    expect(rows.reduce((n, r) => n + r.inboundAnswered, 0)).toBe(answered);
    expect(roundTrip(rows)).toEqual(rows);
  });

  it("queues: the ten queues, with timeouts, exits and calls that found no agent", () => {
    const rows = computeQueueStats(conversations);
    expect(rows.filter((r) => r.offered > 100)).toHaveLength(10);
    const sum = (key: "timeout" | "exit" | "noAgents" | "full") =>
      rows.reduce((n, r) => n + r[key], 0);
    for (const key of ["timeout", "exit", "noAgents", "full"] as const)
      expect(sum(key)).toBeGreaterThan(0);
    expect(roundTrip(rows)).toEqual(rows);
  });

  it("heatmap: busiest mid-morning on working days in Israel, nearly empty at night", () => {
    const map = computeHeatmap(conversations, { timeZone: "Asia/Jerusalem", range });
    const busiest = map.cells.reduce((a, b) => (b.conversations > a.conversations ? b : a));
    expect(busiest.hour).toBeGreaterThanOrEqual(9);
    expect(busiest.hour).toBeLessThanOrEqual(12);
    expect(
      map.cells
        .filter((c) => c.hour === 3)
        .every((c) => c.conversations < busiest.conversations / 20),
    ).toBe(true);
    expect(map.outside).toBe(0);
    expect(roundTrip(map)).toEqual(map);
  });

  it("callbacks: open rows, rows closed by an agent's call back or by the caller's next call", () => {
    const { rows, kpis } = computeCallbacks(conversations, { now: range.to });
    expect(kpis.open).toBeGreaterThan(50);
    expect(kpis.reached).toBeGreaterThan(200);
    expect(
      rows.filter((r) => r.reachedVia === "outbound" && r.reachedBy !== null).length,
    ).toBeGreaterThan(100);
    expect(rows.some((r) => r.reachedVia === "inbound")).toBe(true);
    expect(kpis.medianTimeToCallbackSeconds).toBeGreaterThan(60);
    expect(roundTrip(rows)).toEqual(rows);
  });

  it("the KPI strip counts as many callers not called back as the worklist has open rows", () => {
    expect(computeCallerStats(calls).unreturnedCallers).toBe(
      computeCallbacks(conversations, { now: range.to }).kpis.notCalledBack,
    );
  });
});
