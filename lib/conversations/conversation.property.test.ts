import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { CALL_TYPE_IDS, CALL_TYPES } from "@/lib/voicenter/call-types";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

import { legStartMs, summarizeConversation } from "./conversation";
import { originalIdOf, type ConversationRecord } from "./records";
import { summarizeSingle } from "./summarize-single";

const BASE = Date.UTC(2026, 2, 1, 8);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const someText = (...values: string[]) => maybe(fc.constantFrom("", ...values));

/**
 * One record of any call type, known or not, named by CdrType, by Type or by both, with
 * any status (NOTCALLED, voicemail and unknown ones too) and any field left out or empty:
 * whatever the upstream may send.
 */
const recordArb: fc.Arbitrary<ConversationRecord> = fc
  .record(
    {
      id: fc.integer({ min: 0, max: 9 }),
      CdrType: fc.oneof(fc.constantFrom(...CALL_TYPE_IDS), fc.constantFrom(0, 99)),
      byName: fc.constantFrom("id", "name", "both"),
      DialStatus: maybe(fc.constantFrom(...DIAL_STATUS_NAMES, "SOMETHINGNEW")),
      Date: maybe(fc.integer({ min: 0, max: 86_400 })),
      CallerNumber: someText("0501111111", "972501111111", "+442071234567", "EXTDANA1", "anon"),
      TargetNumber: someText("0502222222", "035551234"),
      DID: someText("035551234"),
      QueueName: someText("Sales", "Support"),
      RingTime: maybe(fc.integer({ min: 0, max: 120 })),
      Duration: maybe(fc.integer({ min: 0, max: 3_600 })),
      Price: maybe(fc.integer({ min: 0, max: 500 })),
      HasRecording: maybe(fc.boolean()),
      RepresentativeCode: someText("R1", "R2"),
      RepresentativeName: someText("Dana", "Avi"),
      UserName: someText("dana", "avi"),
      CallerExtension: someText("101", "102"),
      TargetExtension: someText("101", "103"),
      original: maybe(fc.constantFrom("", "x1", "x2")),
    },
    { requiredKeys: ["id", "CdrType", "byName"] },
  )
  .map(({ id, CdrType, byName, Date: second, original, ...fields }): ConversationRecord => {
    const known = (CALL_TYPE_IDS as readonly number[]).includes(CdrType);
    const name = known ? CALL_TYPES[CdrType as keyof typeof CALL_TYPES].name : "Unknown";
    return {
      ...fields,
      CallID: `c${id}`,
      ...(byName === "name" ? {} : { CdrType }),
      ...(byName === "id" ? {} : { Type: name }),
      ...(second === undefined
        ? {}
        : { Date: new Date(BASE + second * 1000).toISOString().replace(".000Z", "Z") }),
      CustomData: original === undefined ? {} : { OriginalIvrUniqueID: original },
    };
  });

describe("summarizeSingle (property-based)", () => {
  it("is summarizeConversation of the one record, whatever the record", () => {
    fc.assert(
      fc.property(
        recordArb,
        fc.boolean(),
        fc.oneof(fc.constant(Number.NaN), fc.integer({ min: BASE, max: BASE + 86_400_000 })),
        fc.option(fc.constantFrom("x1", "shared"), { nil: null }),
        (leg, partial, start, sharedId) => {
          expect(summarizeSingle(leg, partial, start, sharedId)).toStrictEqual(
            summarizeConversation([leg], partial, start, sharedId),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("matches summarizeConversation's defaults: the leg's own start and OriginalIvrUniqueID", () => {
    fc.assert(
      fc.property(recordArb, fc.boolean(), (leg, partial) => {
        expect(
          summarizeSingle(leg, partial, legStartMs(leg), originalIdOf(leg) ?? null),
        ).toStrictEqual(summarizeConversation([leg], partial));
      }),
      { numRuns: 1_000 },
    );
  });
});
