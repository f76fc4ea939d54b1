import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import { CALL_TYPE_IDS } from "@/lib/voicenter/call-types";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";
import { groupConversationsBefore } from "@/testing/conversations/group-before";

import { groupConversations } from "./group";

const BASE = Date.UTC(2026, 2, 1, 8);

/** Records of a small world: few ids, numbers and seconds, so links and collisions are common. */
const recordArb: fc.Arbitrary<ApiCall> = fc
  .record({
    id: fc.integer({ min: 0, max: 30 }),
    type: fc.constantFrom(...CALL_TYPE_IDS),
    status: fc.constantFrom(...DIAL_STATUS_NAMES),
    second: fc.integer({ min: 0, max: 600 }),
    original: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    caller: fc.constantFrom("0501111111", "972501111111", "0502222222", "EXTDANA1", ""),
    ring: fc.integer({ min: 0, max: 60 }),
    talk: fc.integer({ min: 0, max: 300 }),
    dated: fc.boolean(),
  })
  .map((r) => ({
    CallID: `c${r.id}`,
    CdrType: r.type,
    DialStatus: r.status,
    ...(r.dated || r.id % 7 !== 0
      ? { Date: new Date(BASE + r.second * 1000).toISOString().replace(".000Z", "Z") }
      : {}),
    CallerNumber: r.caller,
    TargetNumber: "972503333333",
    RingTime: r.ring,
    Duration: r.talk,
    HasRecording: false,
    CustomData: r.original === undefined ? {} : { OriginalIvrUniqueID: `c${r.original}` },
  }));

const partition = (records: readonly ApiCall[]) =>
  groupConversations(records)
    .map((c) =>
      c.legs
        .map((leg) => leg.CallID)
        .sort()
        .join(","),
    )
    .sort();

describe("groupConversations (property-based)", () => {
  it("puts every record in exactly one conversation, legs in time order", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const conversations = groupConversations(records);
        const seen = conversations.flatMap((c) => c.legs);
        expect(seen).toHaveLength(records.length);
        expect(new Set(seen).size).toBe(records.length);
        for (const record of records) expect(seen).toContain(record);
        const keys = conversations.map(
          (c) => [Number.isNaN(c.start) ? Infinity : c.start, c.id] as const,
        );
        const sorted = [...keys].sort(
          (a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0),
        );
        expect(keys).toEqual(sorted);
        for (const c of conversations) {
          expect(c.primaryLeg).toBeGreaterThanOrEqual(0);
          expect(c.primaryLeg).toBeLessThan(c.legs.length);
          const times = c.legs.map((leg) => (leg.Date ? Date.parse(leg.Date) : Infinity));
          expect(times).toEqual([...times].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same conversations, in the same order, from records sorted by date", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const byDate = [...records].sort((a, b) => (a.Date ?? "~").localeCompare(b.Date ?? "~"));
        const ids = (list: readonly ApiCall[]) => groupConversations(list).map((c) => c.id);
        expect(ids(byDate)).toEqual(ids(records));
      }),
      { numRuns: 300 },
    );
  });

  it("groups the same way whatever the order of the records", () => {
    fc.assert(
      fc.property(
        fc
          .array(recordArb, { maxLength: 60 })
          .chain((records) =>
            fc.tuple(
              fc.constant(records),
              fc.shuffledSubarray(records, { minLength: records.length }),
            ),
          ),
        ([records, shuffled]) => {
          expect(partition(shuffled)).toEqual(partition(records));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps records that share an OriginalIvrUniqueID, or point at each other, together", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const groupOf = new Map<ApiCall, number>();
        groupConversations(records).forEach((c, i) => c.legs.forEach((leg) => groupOf.set(leg, i)));
        for (const a of records) {
          for (const b of records) {
            const linkA = a.CustomData?.OriginalIvrUniqueID;
            const linkB = b.CustomData?.OriginalIvrUniqueID;
            // Duplicate CallIDs are not linked: the server sends each call once.
            const linked = linkA === b.CallID || (linkA !== undefined && linkA === linkB);
            if (linked) expect(groupOf.get(a)).toBe(groupOf.get(b));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives exactly what the loops before their restructure gave", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        expect(groupConversations(records)).toStrictEqual(groupConversationsBefore(records));
      }),
      { numRuns: 500 },
    );
  });
});
