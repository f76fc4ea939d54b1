import { CALL_TYPES, type CallTypeId } from "../lib/voicenter/call-types";
import { toUpstreamRecordDate } from "../lib/voicenter/dates";
import type { DialStatus } from "../lib/voicenter/dial-statuses";
import type { FieldName } from "../lib/voicenter/fields";
import type { Agent, Campaign, Department, IvrStep, Queue } from "./directory";

/**
 * One generated call, kept compact: shared directory objects by reference, no formatted
 * text. Upstream-style values are derived on the way out by {@link FIELD_VALUES}.
 */
export interface SimCall {
  /** Unique, starts with the UTC date (YYYYMMDD) so a call can be found from its id alone. */
  callId: string;
  /** Start of the call (ringing included), epoch seconds. */
  epoch: number;
  cdrType: CallTypeId;
  status: DialStatus;
  callerNumber: string;
  targetNumber: string;
  did: string;
  callerExtension: string;
  targetExtension: string;
  queue: Queue | undefined;
  /** The agent who made or answered the call, if any. */
  agent: Agent | undefined;
  /** Whether that agent was logged in (only then RepresentativeName/Code are filled). */
  loggedIn: boolean;
  userName: string;
  department: Department;
  duration: number;
  ringTime: number;
  price: number;
  prefixName: string;
  recorded: boolean;
  ivrPath: readonly IvrStep[];
  customData: Readonly<Record<string, string>>;
  campaign: Campaign | undefined;
  /**
   * For both legs of a two-leg call: the first leg; for a transfer (13): the call it
   * continues. Its id is the record's OriginalIvrUniqueID.
   */
  original: SimCall | undefined;
}

/** Seconds after the call ends before it shows up in the API ("a few minutes" upstream). */
export const VISIBILITY_DELAY_S = 120;

export function endsAt(call: SimCall): number {
  return call.epoch + call.ringTime + call.duration;
}

export function isVisible(call: SimCall, nowMs: number): boolean {
  return (endsAt(call) + VISIBILITY_DELAY_S) * 1000 <= nowMs;
}

export function hasRecording(call: SimCall): boolean {
  return call.recorded && call.duration > 0;
}

export function recordUrl(call: SimCall, publicBaseUrl: string): string {
  return hasRecording(call) ? `${publicBaseUrl}/recordings/${call.callId}.wav` : "";
}

export function customDataOf(call: SimCall): Record<string, string> {
  return call.original
    ? { ...call.customData, OriginalIvrUniqueID: call.original.callId }
    : { ...call.customData };
}

/** Upstream-style JSON value of each documented field. */
export type FieldValue = string | number | boolean | readonly IvrStep[] | Record<string, string>;

export const FIELD_VALUES: {
  [N in FieldName]: (call: SimCall, publicBaseUrl: string) => FieldValue;
} = {
  CallerNumber: (c) => c.callerNumber,
  TargetNumber: (c) => c.targetNumber,
  Date: (c) => toUpstreamRecordDate(c.epoch * 1000),
  DateEpoch: (c) => c.epoch,
  Duration: (c) => c.duration,
  CallID: (c) => c.callId,
  Type: (c) => CALL_TYPES[c.cdrType].name,
  CdrType: (c) => c.cdrType,
  DialStatus: (c) => c.status,
  TargetExtension: (c) => c.targetExtension,
  CallerExtension: (c) => c.callerExtension,
  DID: (c) => c.did,
  QueueName: (c) => c.queue?.name ?? "",
  RecordURL: (c, base) => recordUrl(c, base),
  RecordExpect: (c) => c.recorded,
  RingTime: (c) => c.ringTime,
  Price: (c) => c.price,
  RepresentativeName: (c) => (c.agent && c.loggedIn ? c.agent.name : ""),
  RepresentativeCode: (c) => (c.agent && c.loggedIn ? c.agent.code : ""),
  UserName: (c) => c.userName,
  DepartmentName: (c) => c.department.name,
  DepartmentId: (c) => c.department.id,
  TargetPrefixName: (c) => c.prefixName,
  DTMFData: (c) => c.ivrPath,
  CustomData: (c) => customDataOf(c),
};

/** A value to sort by: numbers and booleans compare as numbers, everything else as text. */
export function sortValue(call: SimCall, field: FieldName, publicBaseUrl: string): string | number {
  if (field === "Date") return call.epoch;
  const value = FIELD_VALUES[field](call, publicBaseUrl);
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}
