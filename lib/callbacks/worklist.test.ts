import { describe, expect, it } from "vitest";

import type { CallbackRow } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";

import { rowRef, sortValue, visibleRows, workMarks } from "./worklist";

const row = (key: string, status: CallbackRow["status"], missedIds: string[]): CallbackRow => ({
  key,
  number: key.split("|")[0]!,
  displayNumber: "",
  attempts: missedIds.length,
  missedIds,
  firstMissedAt: Date.UTC(2026, 2, 1, 8),
  lastMissedAt: Date.UTC(2026, 2, 1, 8, 10),
  queue: "Sales",
  did: undefined,
  status,
  carried: false,
  closedAt: status === "closed" ? Date.UTC(2026, 2, 1, 9) : null,
  closedAs: status === "closed" ? "not_needed" : null,
  waitingSeconds: status === "open" ? 600 : null,
  reachedAt: null,
  reachedBy: null,
  reachedVia: null,
  reachedConversationId: null,
  callbackSeconds: status === "reached" ? 1200 : null,
});

const ROWS = [
  row("0501|a", "open", ["a", "a2"]),
  row("0502|b", "reached", ["b"]),
  row("0503|c", "closed", ["c"]),
];

describe("the worklist's view of the rows", () => {
  it("lists to-call, closed or all, and only rows with a miss the local filters keep", () => {
    expect(visibleRows(ROWS, "open", null).map((r) => r.key)).toEqual(["0501|a"]);
    expect(visibleRows(ROWS, "done", null).map((r) => r.key)).toEqual(["0502|b", "0503|c"]);
    expect(visibleRows(ROWS, "all", new Set(["a2", "c"])).map((r) => r.key)).toEqual([
      "0501|a",
      "0503|c",
    ]);
  });

  it("reads stored work as marks: open work closes nothing", () => {
    const base: CallbackWork = {
      key: "0501|a",
      number: "0501",
      firstMissedAt: "2026-03-01T08:00:00.000Z",
      missedIds: ["a"],
      state: "open",
      stateAt: "2026-03-01T08:30:00.000Z",
      stateBy: "Eli",
      assignee: null,
      assignedAt: null,
      assignedBy: null,
      notes: [],
      updatedAt: "2026-03-01T08:30:00.000Z",
    };
    expect(workMarks([base, { ...base, key: "0501|z", state: "done" }])).toEqual([
      {
        key: "0501|a",
        number: "0501",
        firstMissedAt: Date.UTC(2026, 2, 1, 8),
        missedIds: ["a"],
        closedAt: null,
        closedAs: null,
      },
      {
        key: "0501|z",
        number: "0501",
        firstMissedAt: Date.UTC(2026, 2, 1, 8),
        missedIds: ["a"],
        closedAt: Date.UTC(2026, 2, 1, 8, 30),
        closedAs: "done",
      },
    ]);
  });

  it("names a row by its key, number, first miss and misses; sorts waits with callbacks", () => {
    expect(rowRef(ROWS[0]!)).toEqual({
      key: "0501|a",
      number: "0501",
      firstMissedAt: "2026-03-01T08:00:00.000Z",
      missedIds: ["a", "a2"],
    });
    expect(ROWS.map((r) => sortValue("waiting", r, undefined))).toEqual([600, 1200, null]);
    expect(ROWS.map((r) => sortValue("state", r, undefined))).toEqual([
      "open",
      "reached",
      "not_needed",
    ]);
  });
});
