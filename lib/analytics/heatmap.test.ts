import { describe, expect, it } from "vitest";

import { groupConversations } from "@/lib/conversations/group";
import { record } from "@/testing/conversation-records";

import { computeHeatmap, createLocalHourLocator, type Heatmap } from "./heatmap";

const FRI = 5;
const SUN = 0;
const cell = (map: Heatmap, weekday: number, hour: number) => map.cells[weekday * 24 + hour]!;
const sumHours = (map: Heatmap) => map.cells.reduce((sum, c) => sum + c.hours, 0);

describe("computeHeatmap", () => {
  it("Asia/Jerusalem, spring forward (Fri 2026-03-27, 02:00 → 03:00): each call in its wall hour", () => {
    const calls = [
      record({ CallID: "a", CdrType: 8, when: "2026-03-26T23:30:00Z" }), // 01:30 (+2)
      record({ CallID: "b", CdrType: 8, when: "2026-03-27T00:30:00Z", DialStatus: "NOANSWER" }), // 03:30 (+3)
      record({ CallID: "c", CdrType: 4, when: "2026-03-27T00:59:59Z" }), // 03:59
      record({ CallID: "d", CdrType: 8, when: "2026-03-27T06:00:00Z" }), // 09:00, not 08:00
    ];
    const map = computeHeatmap(groupConversations(calls), {
      timeZone: "Asia/Jerusalem",
      range: { from: Date.UTC(2026, 2, 26, 22), to: Date.UTC(2026, 2, 27, 21) },
    });
    expect(cell(map, FRI, 1)).toEqual({
      weekday: FRI,
      hour: 1,
      conversations: 1,
      offered: 1,
      answered: 1,
      missed: 0,
      outbound: 0,
      answerRate: 1,
      hours: 1,
    });
    expect(cell(map, FRI, 2)).toMatchObject({ conversations: 0, hours: 0, answerRate: null });
    expect(cell(map, FRI, 3)).toMatchObject({
      conversations: 2,
      offered: 1,
      answered: 0,
      missed: 1,
      outbound: 1,
      answerRate: 0,
      hours: 1,
    });
    expect(cell(map, FRI, 8).conversations).toBe(0);
    expect(cell(map, FRI, 9).conversations).toBe(1);
    expect(sumHours(map)).toBe(23);
    expect(map.cells.reduce((sum, c) => sum + c.conversations, 0)).toBe(4);
  });

  it("Europe/London, fall back (Sun 2026-10-25, 01:00 twice): both 01:30s in one cell of 2 hours", () => {
    const calls = [
      record({ CallID: "a", CdrType: 8, when: "2026-10-25T00:30:00Z" }), // 01:30 BST
      record({ CallID: "b", CdrType: 8, when: "2026-10-25T01:30:00Z", DialStatus: "ABANDONE" }), // 01:30 GMT
      record({ CallID: "c", CdrType: 8, when: "2026-10-25T02:30:00Z" }), // 02:30 GMT
      record({ CallID: "d", CdrType: 8, when: "2026-10-25T23:30:00Z" }), // 23:30
      record({ CallID: "e", CdrType: 8, when: "2026-10-26T00:30:00Z" }), // Monday: outside
      { ...record({ CallID: "f", CdrType: 8, when: "00:00" }), Date: undefined },
    ];
    const map = computeHeatmap(groupConversations(calls), {
      timeZone: "Europe/London",
      range: { from: Date.UTC(2026, 9, 24, 23), to: Date.UTC(2026, 9, 26) },
    });
    expect(cell(map, SUN, 1)).toMatchObject({
      conversations: 2,
      answered: 1,
      missed: 1,
      answerRate: 0.5,
      hours: 2,
    });
    expect(cell(map, SUN, 2)).toMatchObject({ conversations: 1, hours: 1 });
    expect(cell(map, SUN, 23)).toMatchObject({ conversations: 1, hours: 1 });
    expect(sumHours(map)).toBe(25);
    expect(map).toMatchObject({ outside: 1, undated: 1, timeZone: "Europe/London" });
  });

  it("sums the same weekday and hour over two weeks; every cell has 2 clock hours", () => {
    const monday9 = ["2026-05-04T06:10:00Z", "2026-05-11T06:50:00Z"]; // 09:xx in Israel (+3)
    const calls = monday9.map((when, i) => record({ CallID: `m${i}`, CdrType: 8, when }));
    const map = computeHeatmap(groupConversations(calls), {
      timeZone: "Asia/Jerusalem",
      range: { from: Date.UTC(2026, 4, 2, 21), to: Date.UTC(2026, 4, 16, 21) },
    });
    expect(cell(map, 1, 9).conversations).toBe(2);
    expect(map.cells.every((c) => c.hours === 2)).toBe(true);
  });

  it("a locator places instants for drill-down the way the heatmap counted them", () => {
    const locate = createLocalHourLocator(
      { from: Date.UTC(2026, 2, 26, 22), to: Date.UTC(2026, 2, 27, 21) },
      "Asia/Jerusalem",
    );
    expect(locate.cellOf(Date.UTC(2026, 2, 27, 0, 30))).toBe(FRI * 24 + 3);
    expect(locate.cellOf(Date.UTC(2026, 2, 27, 21))).toBe(-1);
    expect(locate.cellOf(Number.NaN)).toBe(-1);
  });
});
