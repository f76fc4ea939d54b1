import type { ApiCall } from "@/lib/api/calls-response";
import {
  CALL_TYPE_IDS,
  CALL_TYPES,
  type CallTypeId,
  type CallTypeInfo,
  type LegRole,
} from "@/lib/voicenter/call-types";

import { CONVERSATION_FIELDS } from "./fields";
import { phoneKey } from "./phone-key";

export { CONVERSATION_FIELDS };

/**
 * The least a record needs to be grouped and counted: an `ApiCall` in the browser, a row of
 * the call store on the server (which maps RecordURL/RecordExpect to HasRecording).
 */
export type ConversationRecord = Pick<ApiCall, "CallID"> &
  Partial<Pick<ApiCall, (typeof CONVERSATION_FIELDS)[number] | "HasRecording">>;

const TYPE_BY_NAME = new Map<string, CallTypeId>(
  CALL_TYPE_IDS.map((id) => [CALL_TYPES[id].name, id]),
);
const INFO_BY_ID: (CallTypeInfo | undefined)[] = [];
for (const id of CALL_TYPE_IDS) INFO_BY_ID[id] = CALL_TYPES[id];

/** A type the contract does not know (the upstream may add some) is one internal record. */
const UNKNOWN_TYPE: CallTypeInfo = {
  name: "",
  description: "",
  direction: "internal",
  legRole: "whole",
  customer: "none",
};

/** The id that links the legs of one call (two-leg types, transfers, IVR → queue). */
export function originalIdOf(record: Pick<ApiCall, "CustomData">): string | undefined {
  const id = record.CustomData?.OriginalIvrUniqueID;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** The record's call type id, from CdrType or else the Type name; undefined when unknown. */
export function callTypeIdOf(record: Pick<ApiCall, "CdrType" | "Type">): CallTypeId | undefined {
  const id = record.CdrType;
  if (id !== undefined && INFO_BY_ID[id] !== undefined) return id as CallTypeId;
  return record.Type === undefined ? undefined : TYPE_BY_NAME.get(record.Type);
}

/** The contract's facts about the record's type (an unknown type reads as one internal record). */
export function typeInfoOf(record: Pick<ApiCall, "CdrType" | "Type">): CallTypeInfo {
  const id = callTypeIdOf(record);
  return id === undefined ? UNKNOWN_TYPE : CALL_TYPES[id];
}

export function legRoleOf(record: Pick<ApiCall, "CdrType" | "Type">): LegRole {
  return typeInfoOf(record).legRole;
}

type NumberFields = Pick<ApiCall, "CdrType" | "Type" | "CallerNumber" | "TargetNumber">;

/** The customer's number as the record writes it, from the field the contract names. */
export function customerNumberOf(
  record: NumberFields,
  info: CallTypeInfo = typeInfoOf(record),
): string | undefined {
  const side = info.customer;
  if (side === "none") return undefined;
  return side === "caller" ? record.CallerNumber : record.TargetNumber;
}

/** The customer's number as a phone key (`0501234567`). */
export function customerKeyOf(
  record: NumberFields,
  info: CallTypeInfo = typeInfoOf(record),
): string | undefined {
  return phoneKey(customerNumberOf(record, info));
}

/** An agent as the records name one; `key` is what rows are grouped by. */
export interface AgentRef {
  /** `code:<RepresentativeCode>`, else `user:<UserName>`, else `ext:<extension>`. */
  readonly key: string;
  readonly name: string;
  readonly code?: string;
  readonly extension?: string;
}

/**
 * The agent's own extension on a record: the one rung for incoming calls and agent legs, the
 * one that dialled for outgoing calls, the one that transferred, forwarded or consulted.
 */
export function agentExtensionOf(
  record: ConversationRecord,
  info: CallTypeInfo = typeInfoOf(record),
): string | undefined {
  const role = info.legRole;
  const ext =
    role === "agent" || (info.customer === "caller" && role !== "transfer" && role !== "forward")
      ? record.TargetExtension
      : record.CallerExtension;
  return ext === undefined || ext === "" ? undefined : ext;
}

// One object per distinct agent (a few hundred at most), shared by every record naming it:
// conversations hold them, so a copy per record would be 100,000 objects kept alive.
// Looked up by the record's own strings, without building a key per record.
type AgentKind = "code" | "user" | "ext";
const interned: Record<AgentKind, Map<string, AgentRef[]>> = {
  code: new Map(),
  user: new Map(),
  ext: new Map(),
};
const INTERNED_LIMIT = 10_000;

function intern(
  kind: AgentKind,
  id: string,
  rawName: string | undefined,
  extension: string | undefined,
) {
  const table = interned[kind];
  let refs = table.get(id);
  if (!refs) {
    if (table.size >= INTERNED_LIMIT) table.clear();
    refs = [];
    table.set(id, refs);
  }
  // A code's name is the first one seen with it: comparing names would read every record's.
  for (const ref of refs) if (ref.extension === extension) return ref;
  const key = `${kind}:${id}`;
  const name = rawName ? rawName : id;
  const ref: AgentRef = Object.freeze(
    kind === "code" ? { key, name, code: id, extension } : { key, name, extension },
  );
  refs.push(ref);
  return ref;
}

/**
 * Who the record says handled it: the logged-in representative (RepresentativeCode/Name);
 * else the extension's user (UserName); else the extension itself. Undefined for a record
 * that reached no one (a queue call abandoned before an agent answered). The same agent
 * gives the same (frozen) object.
 */
export function agentOf(
  record: ConversationRecord,
  info: CallTypeInfo = typeInfoOf(record),
): AgentRef | undefined {
  const extension = agentExtensionOf(record, info);
  const code = record.RepresentativeCode;
  if (code !== undefined && code !== "") {
    return intern("code", code, record.RepresentativeName, extension);
  }
  const user = record.UserName;
  if (user !== undefined && user !== "") return intern("user", user, user, extension);
  return extension === undefined ? undefined : intern("ext", extension, extension, extension);
}
