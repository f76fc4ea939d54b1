import { describe, expect, it } from "vitest";

import { syntheticCalls } from "@/bench/synthetic-calls";
import type { ApiCall } from "@/lib/api/calls-response";
import { tableTranslator } from "@/testing/translate";

import { sortKeysFor } from "./columns";
import { columnKeys, sortCalls, sortCollator, sortPermutation } from "./sort";

const en = tableTranslator("en");
const he = tableTranslator("he");
const keys = sortKeysFor(en);

function ids(calls: readonly ApiCall[]): string[] {
  return calls.map((c) => c.CallID);
}

const calls: ApiCall[] = [
  {
    CallID: "a",
    Date: "2024-03-29T10:00:00Z",
    Duration: 30,
    QueueName: "sales",
    DialStatus: "BUSY",
    CdrType: 8,
    HasRecording: false,
  },
  {
    CallID: "b",
    Date: "2024-03-28T10:00:00Z",
    Duration: 5,
    QueueName: "Billing",
    DialStatus: "ANSWER",
    CdrType: 1,
    HasRecording: true,
  },
  {
    CallID: "c",
    Date: "2024-03-30T10:00:00Z",
    QueueName: "Support",
    DialStatus: "ANSWER",
    CdrType: 4,
    HasRecording: true,
  },
  {
    CallID: "d",
    Date: "2024-03-27T10:00:00Z",
    Duration: 30,
    QueueName: "queue 10",
    DialStatus: "NOANSWER",
    CdrType: 8,
    HasRecording: false,
  },
  {
    CallID: "e",
    Date: "2024-03-26T10:00:00Z",
    Duration: 120,
    QueueName: "queue 9",
    DialStatus: "ANSWER",
    CdrType: 1,
    HasRecording: true,
  },
];

describe("sortCalls", () => {
  it("sorts dates chronologically, both ways", () => {
    expect(ids(sortCalls(calls, [{ id: "Date", desc: false }], keys, "en"))).toEqual([
      "e",
      "d",
      "b",
      "a",
      "c",
    ]);
    expect(ids(sortCalls(calls, [{ id: "Date", desc: true }], keys, "en"))).toEqual([
      "c",
      "a",
      "b",
      "d",
      "e",
    ]);
  });

  it("puts calls without a value last in either direction, and keeps load order on ties", () => {
    expect(ids(sortCalls(calls, [{ id: "Duration", desc: false }], keys, "en"))).toEqual([
      "b",
      "a",
      "d",
      "e",
      "c",
    ]);
    expect(ids(sortCalls(calls, [{ id: "Duration", desc: true }], keys, "en"))).toEqual([
      "e",
      "a",
      "d",
      "b",
      "c",
    ]);
  });

  it("breaks ties with the next sort key", () => {
    const sorted = sortCalls(
      calls,
      [
        { id: "Duration", desc: true },
        { id: "Date", desc: false },
      ],
      keys,
      "en",
    );
    expect(ids(sorted)).toEqual(["e", "d", "a", "b", "c"]);
  });

  it("orders text naturally and ignoring case", () => {
    expect(ids(sortCalls(calls, [{ id: "QueueName", desc: false }], keys, "en"))).toEqual([
      "b",
      "e",
      "d",
      "a",
      "c",
    ]);
  });

  it("sorts labels by the text the user reads, in their language", () => {
    // en: Answered (b, c, e) < Busy (a) < No answer (d)
    expect(ids(sortCalls(calls, [{ id: "DialStatus", desc: false }], keys, "en"))).toEqual([
      "b",
      "c",
      "e",
      "a",
      "d",
    ]);
    // he: לא נענתה (d) < נענתה (b, c, e) < תפוס (a)
    expect(
      ids(sortCalls(calls, [{ id: "DialStatus", desc: false }], sortKeysFor(he), "he")),
    ).toEqual(["d", "b", "c", "e", "a"]);
  });

  it("sorts yes/no columns with recorded calls first when descending", () => {
    expect(ids(sortCalls(calls, [{ id: "HasRecording", desc: true }], keys, "en"))).toEqual([
      "b",
      "c",
      "e",
      "a",
      "d",
    ]);
  });

  it("ignores an unknown sort id and leaves the input alone", () => {
    const input = [...calls];
    expect(ids(sortCalls(input, [{ id: "bogus", desc: true }], keys, "en"))).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
    expect(ids(sortCalls(input, [], keys, "en"))).toEqual(["a", "b", "c", "d", "e"]);
    expect(input).toEqual(calls);
  });

  it("treats both spellings of an Israeli number as the same number", () => {
    const phones: ApiCall[] = [
      { CallID: "x", CallerNumber: "0521111111", HasRecording: false },
      { CallID: "y", CallerNumber: "972501111111", HasRecording: false },
      { CallID: "z", CallerNumber: "0501111111", HasRecording: false },
    ];
    expect(ids(sortCalls(phones, [{ id: "CallerNumber", desc: false }], keys, "en"))).toEqual([
      "y",
      "z",
      "x",
    ]);
  });

  it("puts numbers before extension ids in a phone column", () => {
    const targets: ApiCall[] = [
      { CallID: "ext", TargetNumber: "AAPINFzL", HasRecording: false },
      { CallID: "us", TargetNumber: "12125550100", HasRecording: false },
      { CallID: "il", TargetNumber: "0501234567", HasRecording: false },
      { CallID: "none", HasRecording: false },
    ];
    expect(ids(sortCalls(targets, [{ id: "TargetNumber", desc: false }], keys, "en"))).toEqual([
      "il",
      "us",
      "ext",
      "none",
    ]);
    expect(ids(sortCalls(targets, [{ id: "TargetNumber", desc: true }], keys, "en"))).toEqual([
      "ext",
      "us",
      "il",
      "none",
    ]);
  });

  it("sorts 20,000 calls the same as a plain comparator would", () => {
    const many = syntheticCalls(20_000, { seed: 7 });
    const sorted = sortCalls(many, [{ id: "Date", desc: true }], keys, "en");
    const expected = [...many].sort((a, b) => Date.parse(b.Date ?? "") - Date.parse(a.Date ?? ""));
    expect(sorted.map((c) => c.Date)).toEqual(expected.map((c) => c.Date));
  });
});

describe("columnKeys", () => {
  it("computes a column's keys once per data set", () => {
    let reads = 0;
    const keyFn = (call: ApiCall) => {
      reads++;
      return call.Duration;
    };
    const source = { items: calls, callOf: (c: ApiCall) => c };
    const first = columnKeys(source, keyFn, sortCollator("en"));
    const second = columnKeys(source, keyFn, sortCollator("en"));
    expect(second).toBe(first);
    expect(reads).toBe(calls.length);
  });
});

describe("sortPermutation", () => {
  const source = { items: calls, callOf: (c: ApiCall) => c };
  const order = (keyFn: (c: ApiCall) => number | undefined, desc = false) =>
    [...sortPermutation(source, [{ id: "k", desc }], { k: keyFn }, sortCollator("en"))].map(
      (i) => calls[i]?.CallID,
    );

  it("orders fractional and very wide keys too (no packing for those)", () => {
    expect(order((c) => (c.Duration === undefined ? undefined : c.Duration / 7))).toEqual([
      "b",
      "a",
      "d",
      "e",
      "c",
    ]);
    expect(order((c) => (c.Duration === undefined ? undefined : c.Duration * 1e13))).toEqual([
      "b",
      "a",
      "d",
      "e",
      "c",
    ]);
    expect(order((c) => (c.Duration === undefined ? undefined : -c.Duration), true)).toEqual([
      "b",
      "a",
      "d",
      "e",
      "c",
    ]);
  });

  it("keeps load order when no call has a value", () => {
    expect(order(() => undefined)).toEqual(["a", "b", "c", "d", "e"]);
  });
});
