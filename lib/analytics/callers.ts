import type { ApiCall } from "@/lib/api/calls-response";
import { callSortableTime } from "@/lib/time/call-time";
import {
  CALL_TYPE_IDS,
  CALL_TYPES,
  TWO_LEG_TYPES,
  type CallTypeId,
} from "@/lib/voicenter/call-types";

import { ANSWERED, FAILED, outcomeIndexOf } from "./outcomes";

const SECOND_LEGS = new Set<number>(TWO_LEG_TYPES.map(([, second]) => second));
/** A customer calling in: incoming types that are not the second leg of an earlier call (1, 8, 11). */
const CUSTOMER_CALL_TYPES = new Set<number>(
  CALL_TYPE_IDS.filter((id) => CALL_TYPES[id].direction === "incoming" && !SECOND_LEGS.has(id)),
);
const OUTGOING_TYPES = new Set<number>(
  CALL_TYPE_IDS.filter((id) => CALL_TYPES[id].direction === "outgoing"),
);
const TYPE_ID_BY_NAME = new Map<string, CallTypeId>(
  CALL_TYPE_IDS.map((id) => [CALL_TYPES[id].name, id]),
);

function callTypeOf(call: ApiCall): number | undefined {
  return call.CdrType ?? (call.Type === undefined ? undefined : TYPE_ID_BY_NAME.get(call.Type));
}

const PHONE_TEXT = /^[+\d\s\-().]+$/;

/**
 * A key under which the spellings of one number meet: digits only, the Israeli
 * international form folded to the local one (972501234567 and 050-123-4567 → 0501234567).
 * Not libphonenumber: that costs microseconds per call. Undefined for extension ids,
 * "anonymous" and short service codes.
 */
export function phoneKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  let digits = raw;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) {
      if (!PHONE_TEXT.test(raw)) return undefined;
      digits = raw.replace(/\D/g, "");
      break;
    }
  }
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("972")) digits = `0${digits.slice(3)}`;
  return digits.length >= 5 ? digits : undefined;
}

interface CallerState {
  customerCalls: number;
  /** Canonical ISO times (text order is time order); "" for never. */
  lastMiss: string;
  lastContact: string;
}

export interface CallerSummary {
  /** Numbers that called in (call types 1, 8, 11) more than once. */
  repeatCallers: number;
  /**
   * Numbers whose latest missed or abandoned incoming call was followed by neither an
   * outgoing call to them that was placed (any outcome but failed) nor an answered call from them.
   */
  unreturnedCallers: number;
}

function stateOf(callers: Map<string, CallerState>, key: string): CallerState {
  let state = callers.get(key);
  if (!state) {
    state = { customerCalls: 0, lastMiss: "", lastContact: "" };
    callers.set(key, state);
  }
  return state;
}

/**
 * Repeat and unreturned callers, in one pass; the order of the calls does not matter.
 * Kept apart from computeKpis because it costs most of a KPI pass (a Map lookup per call):
 * the KPI strip computes it from a deferred value, after the other figures are painted.
 */
export function computeCallerStats(calls: readonly ApiCall[]): CallerSummary {
  const callers = new Map<string, CallerState>();
  for (const call of calls) {
    const type = callTypeOf(call);
    if (type === undefined) continue;
    const outcome = outcomeIndexOf(call.DialStatus);
    if (CUSTOMER_CALL_TYPES.has(type)) {
      const key = phoneKey(call.CallerNumber);
      if (key === undefined) continue;
      const state = stateOf(callers, key);
      state.customerCalls++;
      if (outcome === FAILED) continue;
      const at = callSortableTime(call);
      if (at === undefined) continue;
      if (outcome === ANSWERED) {
        if (at > state.lastContact) state.lastContact = at;
      } else if (at > state.lastMiss) {
        state.lastMiss = at;
      }
    } else if (OUTGOING_TYPES.has(type) && outcome !== FAILED) {
      const key = phoneKey(call.TargetNumber);
      const at = key === undefined ? undefined : callSortableTime(call);
      if (key === undefined || at === undefined) continue;
      const state = stateOf(callers, key);
      if (at > state.lastContact) state.lastContact = at;
    }
  }

  let repeatCallers = 0;
  let unreturnedCallers = 0;
  for (const state of callers.values()) {
    if (state.customerCalls > 1) repeatCallers++;
    // A call back in the same second as the miss counts as returned.
    if (state.lastMiss > state.lastContact) unreturnedCallers++;
  }
  return { repeatCallers, unreturnedCallers };
}
