import { describe, expect, it } from "vitest";

import { callsToCsv } from "@/lib/csv/csv";
import { COLUMN_IDS } from "@/lib/table/columns";
import { record } from "@/testing/conversation-records";
import { tableTranslator } from "@/testing/translate";

import { conversationRowsOf, filterConversationRows, legsOfRow } from "./conversation-rows";
import { recordedStops } from "./recorded-stops";

/** A queue call its agent transferred; a click2call; a lone outgoing call. */
const CALLS = [
  record({
    CallID: "q",
    CdrType: 8,
    when: "00:00",
    RingTime: 12,
    Duration: 100,
    Price: 30,
    QueueName: "Sales",
    DID: "035551234",
  }),
  record({
    CallID: "t",
    CdrType: 13,
    when: "01:50",
    original: "q",
    Duration: 40,
    Price: 10,
    HasRecording: true,
  }),
  record({ CallID: "c1", CdrType: 9, when: "03:00", RingTime: 3, Duration: 95, Price: 20 }),
  record({
    CallID: "c2",
    CdrType: 10,
    when: "03:03",
    original: "c1",
    RingTime: 8,
    Duration: 90,
    HasRecording: true,
  }),
  record({
    CallID: "o",
    CdrType: 4,
    when: "05:00",
    DialStatus: "NOANSWER",
    RingTime: 30,
    Price: 0,
  }),
];

describe("conversation rows", () => {
  const { conversations, rows } = conversationRowsOf(CALLS);

  it("writes one row per conversation, a one-record conversation as the record itself", () => {
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe(CALLS[4]);
    expect(legsOfRow(rows[2]!)).toBeUndefined();
  });

  it("gives a conversation of several records the whole call's date, talk, cost and recording", () => {
    const [transferred, click2call] = rows;
    // The queue call decides; the transfer's talk and price count, its recording too.
    expect(transferred).toMatchObject({
      CallID: "q",
      CdrType: 8,
      Date: CALLS[0]!.Date,
      Duration: 140,
      Price: 40,
      HasRecording: true,
      QueueName: "Sales",
      DID: "035551234",
      RingTime: 12,
    });
    // Click2call: leg 2 (the customer's) decides, but the row starts with leg 1.
    expect(click2call).toMatchObject({
      CallID: "c2",
      CdrType: 10,
      Date: CALLS[2]!.Date,
      Duration: 90,
      Price: 20,
    });
    expect(legsOfRow(click2call!)?.map((leg) => leg.CallID)).toEqual(["c1", "c2"]);
    // The records themselves are not changed.
    expect(CALLS[1]!.Duration).toBe(40);
  });

  it("is built once per loaded answer", () => {
    expect(conversationRowsOf(CALLS).rows).toBe(rows);
  });

  it("filters conversations and their rows together; the same object when all pass", () => {
    const all = conversationRowsOf(CALLS);
    expect(filterConversationRows(all, () => true)).toBe(all);
    expect(filterConversationRows(all, null)).toBe(all);
    const outbound = filterConversationRows(all, (c) => c.direction === "outbound");
    expect(outbound.rows.map((r) => r.CallID)).toEqual(["c2", "o"]);
    expect(outbound.conversations.map((c) => c.id)).toEqual(
      conversations.slice(1).map((c) => c.id),
    );
  });

  it("walks the recordings in the table's order, a conversation's own leg first", () => {
    expect(recordedStops(rows, legsOfRow)).toEqual(["t", "c2"]);
    expect(recordedStops([...rows].reverse(), legsOfRow)).toEqual(["c2", "t"]);
    expect(recordedStops(CALLS, () => undefined)).toEqual(["t", "c2"]);
  });

  it("shows a field the conversation lacks as absent: an empty CSV cell, hidden in the drawer", () => {
    // The queue leg decides but names no queue or DID (empty text), and no leg has a price.
    const legs = [
      record({ CallID: "q2", CdrType: 8, when: "07:00", QueueName: "", DID: "", Price: undefined }),
      record({ CallID: "t2", CdrType: 13, when: "07:30", original: "q2", Price: undefined }),
    ];
    const [row] = conversationRowsOf(legs).rows;
    for (const id of ["QueueName", "DID", "Price"] as const) expect(row![id]).toBeUndefined();
    // The legs ride on a symbol: no field, column or JSON sees them.
    expect(Object.keys(row!).filter((key) => !COLUMN_IDS.includes(key as never))).toEqual([]);
    expect(JSON.stringify(row)).not.toContain("t2");
    // Written and shown exactly like the same call with those fields left out.
    const without = JSON.parse(JSON.stringify(row)) as typeof row;
    const csv = (call: typeof row) =>
      callsToCsv([call!], COLUMN_IDS, {
        timeZone: "Asia/Jerusalem",
        locale: "en",
        t: tableTranslator("en"),
      });
    expect(csv(row)).toBe(csv(without));
    expect(csv(row).split("\r\n")[1]).not.toContain("undefined");
    // The drawer lists the fields that are not undefined.
    expect(COLUMN_IDS.filter((id) => row![id] !== undefined)).not.toContain("QueueName");
  });
});
