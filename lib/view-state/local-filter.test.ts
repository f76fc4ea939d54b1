import { describe, expect, it } from "vitest";

import { computeAgentStats } from "@/lib/analytics/agents";
import { conversationRowsOf, filterConversationRows } from "@/lib/dashboard/conversation-rows";
import { DAY_MS } from "@/lib/time/units";
import { DANA, record, YOSSI } from "@/testing/conversation-records";
import { simulatedApiCalls } from "@/testing/simulator";

import {
  conversationFilter,
  filterCallsLocally,
  NO_LOCAL_FILTERS as NONE,
  type LocalFilters,
} from "./local-filter";

// Sunday 2026-03-01 08:00Z is 10:00 in Israel (UTC+2 until the 27th).
const CONTEXT = {
  timeZone: "Asia/Jerusalem",
  range: { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 2, 2) },
};

/** Dana takes a queue call and transfers it to Yossi; Yossi takes one at 11:00; a missed call. */
const CALLS = [
  record({ CallID: "a", CdrType: 8, when: "00:00", QueueName: "Sales", Duration: 100, ...DANA }),
  record({
    CallID: "a2",
    CdrType: 13,
    when: "01:40",
    original: "a",
    Duration: 30,
    TargetExtension: "EXTYOSI2",
    CallerExtension: "EXTDANA1",
    RepresentativeCode: "A1",
    RepresentativeName: "Dana",
  }),
  record({ CallID: "b", CdrType: 8, when: "60:00", QueueName: "Support", Duration: 20, ...YOSSI }),
  record({
    CallID: "c",
    CdrType: 8,
    when: "61:00",
    QueueName: "Support",
    DialStatus: "ABANDONE",
    RingTime: 40,
  }),
];

function shown(f: Partial<LocalFilters>): string[] {
  const all = conversationRowsOf(CALLS);
  const filter = conversationFilter(all.conversations, all.rows, { ...NONE, ...f }, CONTEXT);
  return filterConversationRows(all, filter.keep).conversations.map((c) => c.id);
}

describe("local filters on conversations", () => {
  it("read what the row shows: the deciding leg's status, the conversation's talk and queue", () => {
    expect(shown({})).toEqual(["a", "b", "c"]);
    expect(shown({ status: ["ANSWER"] })).toEqual(["a", "b"]);
    // The transferred call's row talks 130 s (100 + 30): more than either record.
    expect(shown({ minDur: 120 })).toEqual(["a"]);
    expect(shown({ queueName: "Support" })).toEqual(["b", "c"]);
  });

  it("a heatmap cell: the local weekday and hour of the start, in the viewer's zone", () => {
    expect(shown({ when: { weekday: 0, hour: 10 } })).toEqual(["a"]);
    expect(shown({ when: { weekday: 0, hour: 11 } })).toEqual(["b", "c"]);
    expect(shown({ when: { weekday: 1, hour: 10 } })).toEqual([]);
  });

  it("an agent: every conversation with a leg of theirs, the transfer to their extension too", () => {
    expect(shown({ agent: "code:A1" })).toEqual(["a"]);
    expect(shown({ agent: "code:A2" })).toEqual(["a", "b"]);
    const all = conversationRowsOf(CALLS);
    expect(
      conversationFilter(all.conversations, all.rows, { ...NONE, agent: "code:A2" }, CONTEXT)
        .agentName,
    ).toBe("Yossi");
  });

  it("filters on records alike in the every-record mode", () => {
    const ids = (f: Partial<LocalFilters>) =>
      filterCallsLocally(CALLS, { ...NONE, ...f }, CONTEXT).map((c) => c.CallID);
    expect(ids({ queueName: "Sales" })).toEqual(["a"]);
    expect(ids({ agent: "code:A2" })).toEqual(["a2", "b"]);
    expect(ids({ when: { weekday: 0, hour: 11 }, status: ["ABANDONE"] })).toEqual(["c"]);
  });
});

describe("an agents row's calls, over simulated days", () => {
  const SUNDAY = Date.UTC(2024, 5, 9);
  const calls = simulatedApiCalls({ seed: 42, callsPerDay: 3000 }, SUNDAY / DAY_MS, 2);
  const all = conversationRowsOf(calls);
  const context = { timeZone: "Asia/Jerusalem", range: { from: SUNDAY, to: SUNDAY + 2 * DAY_MS } };

  it("hold every conversation the row counts", () => {
    for (const row of computeAgentStats(all.conversations).slice(0, 8)) {
      const filter = conversationFilter(
        all.conversations,
        all.rows,
        { ...NONE, agent: row.key },
        context,
      );
      const mine = filterConversationRows(all, filter.keep).conversations;
      expect(filter.agentName).toBe(row.name);
      // What the row counts per conversation can only come from conversations shown.
      expect(mine.length).toBeGreaterThanOrEqual(row.inboundAnswered + row.outboundAttempts);
      expect(mine.length).toBeGreaterThanOrEqual(row.handled);
      const again = computeAgentStats(mine).find((r) => r.key === row.key);
      expect(again).toMatchObject({
        inboundAnswered: row.inboundAnswered,
        outboundAttempts: row.outboundAttempts,
        handled: row.handled,
        talkSeconds: row.talkSeconds,
        missed: row.missed,
      });
    }
  });
});
