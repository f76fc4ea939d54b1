import { expect } from "vitest";

import type { ApiCall } from "@/lib/api/calls-response";
import type { Conversation } from "@/lib/conversations/conversation";
import { groupConversations } from "@/lib/conversations/group";
import { CALL_TYPES, type CallTypeId } from "@/lib/voicenter/call-types";

/**
 * Test builders of records as `/api/calls` hands them out (tests only). Times are minutes
 * and seconds after 08:00 UTC on Sunday 2026-03-01, so fixtures read like a log.
 */

export const BASE_MS = Date.UTC(2026, 2, 1, 8);

/** `"MM:SS"` after 08:00Z as the ISO text records carry. */
export function at(minuteSecond: string, baseMs = BASE_MS): string {
  const [m = "0", s = "0"] = minuteSecond.split(":");
  const ms = baseMs + (Number(m) * 60 + Number(s)) * 1000;
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

export interface RecordSpec extends Partial<ApiCall> {
  CallID: string;
  CdrType: CallTypeId;
  /** `"MM:SS"` after the base, or a full ISO date. */
  when: string;
  /** OriginalIvrUniqueID, written into CustomData. */
  original?: string;
}

export function record({ when, original, ...fields }: RecordSpec): ApiCall {
  return {
    Type: CALL_TYPES[fields.CdrType].name,
    Date: when.includes("T") ? when : at(when),
    DialStatus: "ANSWER",
    RingTime: 0,
    Duration: 0,
    Price: 0,
    HasRecording: false,
    CustomData: original === undefined ? {} : { OriginalIvrUniqueID: original },
    ...fields,
  };
}

/** A logged-in agent on an inbound record (the extension rung). */
export const inboundAgent = (code: string, name: string, extension: string) => ({
  RepresentativeCode: code,
  RepresentativeName: name,
  UserName: name,
  TargetExtension: extension,
});

/** A logged-in agent on an outbound record (the extension that dialled). */
export const outboundAgent = (code: string, name: string, extension: string) => ({
  RepresentativeCode: code,
  RepresentativeName: name,
  UserName: name,
  CallerExtension: extension,
});

/** Fields a fixture may override (not the type: the builder names it). */
export type Extra = Partial<Omit<ApiCall, "CdrType">>;

/** Agents of the fixtures: Dana and Yossi log in; Noa never does. */
export const DANA = inboundAgent("A1", "Dana", "EXTDANA1");
export const DANA_OUT = outboundAgent("A1", "Dana", "EXTDANA1");
export const YOSSI = inboundAgent("A2", "Yossi", "EXTYOSI2");

/** Groups the records and expects one conversation, the same in either input order. */
export function groupOne(...records: ApiCall[]): Conversation<ApiCall> {
  const forward = groupConversations(records);
  const backward = groupConversations([...records].reverse());
  expect(forward).toHaveLength(1);
  expect(backward).toEqual(forward);
  return forward[0]!;
}

export const legIds = (c: Conversation<ApiCall>) => c.legs.map((leg) => leg.CallID);
