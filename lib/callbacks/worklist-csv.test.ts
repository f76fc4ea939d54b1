import { describe, expect, it } from "vitest";

import { computeCallbacks } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";
import { groupConversations } from "@/lib/conversations/group";
import { outboundAgent, record } from "@/testing/conversation-records";

import { worklistToCsv } from "./worklist-csv";

/** Two callers by hand: one open and assigned with a formula-looking note, one called back. */
const calls = [
  record({
    CallID: "m1",
    CdrType: 8,
    when: "00:00",
    CallerNumber: "0501111111",
    DialStatus: "ABANDONE",
    QueueName: "Sales",
    DID: "0722776772",
  }),
  record({
    CallID: "m2",
    CdrType: 1,
    when: "10:00",
    CallerNumber: "0502222222",
    DialStatus: "NOANSWER",
  }),
  record({
    CallID: "c2",
    CdrType: 4,
    when: "25:30",
    TargetNumber: "972502222222",
    Duration: 40,
    ...outboundAgent("A1", "Dana", "EXT1"),
  }),
];
const NOW = Date.UTC(2026, 2, 1, 9); // 09:00Z: m1 has waited an hour

const work: CallbackWork = {
  key: "0501111111|m1",
  number: "0501111111",
  firstMissedAt: "2026-03-01T08:00:00.000Z",
  missedIds: ["m1"],
  state: "open",
  stateAt: null,
  stateBy: null,
  assignee: { id: "user:u1", label: "Eli" },
  assignedAt: "2026-03-01T08:05:00.000Z",
  assignedBy: "maya@example.com",
  notes: [{ id: 1, text: '=call after 5, "urgent"', by: "Eli", at: "2026-03-01T08:06:00.000Z" }],
  updatedAt: "2026-03-01T08:06:00.000Z",
};

describe("worklistToCsv", () => {
  it("writes each row with its work, times in the zone, the note defused", () => {
    const { rows } = computeCallbacks(groupConversations(calls), { now: NOW });
    const csv = worklistToCsv(rows, new Map([[work.key, work]]), {
      timeZone: "Asia/Jerusalem",
      header: (c) => c,
      state: (s) => s.toUpperCase(),
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "caller,attempts,firstMissed,lastMissed,waiting,queue,did,state,reachedBy,reachedAt,timeToCallback,assignee,notes",
      `050-111-1111,1,2026-03-01 10:00:00,2026-03-01 10:00:00,1:00:00,Sales,0722776772,OPEN,,,,Eli,"Eli: =call after 5, ""urgent"""`,
      "050-222-2222,1,2026-03-01 10:10:00,2026-03-01 10:10:00,,,,REACHED,Dana,2026-03-01 10:25:30,0:15:30,,",
      "",
    ]);
  });
});
