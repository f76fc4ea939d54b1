import type { ApiCall } from "@/lib/api/calls-response";
import { phoneKey } from "@/lib/conversations/phone-key";
import { callTypeIdOf, customerKeyOf } from "@/lib/conversations/records";
import { callSortableTime } from "@/lib/time/call-time";
import { CALL_TYPE_IDS, CALL_TYPES } from "@/lib/voicenter/call-types";

import { ANSWERED, FAILED, outcomeIndexOf } from "./outcomes";

export { phoneKey };

/** A customer calling in: the incoming types that lead a conversation (1, 8, 11, 23). */
const CUSTOMER_CALL_TYPES = new Set<number>(
  CALL_TYPE_IDS.filter(
    (id) =>
      CALL_TYPES[id].direction === "incoming" &&
      (CALL_TYPES[id].legRole === "whole" || CALL_TYPES[id].legRole === "forward"),
  ),
);
/**
 * Records in which, answered, the company talked with the customer: their legs of either
 * direction (not agent, dialer or consult legs, where the customer may yet hang up waiting).
 */
const CONTACT_TYPES = new Set<number>(
  CALL_TYPE_IDS.filter(
    (id) =>
      CALL_TYPES[id].direction !== "internal" &&
      CALL_TYPES[id].customer !== "none" &&
      CALL_TYPES[id].legRole !== "dial",
  ),
);
/** Voicemail took a message, not the call: a miss even when answered. */
const VOICEMAIL = 11;

interface CallerState {
  customerCalls: number;
  /** Canonical ISO times (text order is time order); "" for never. */
  lastMiss: string;
  lastContact: string;
}

export interface CallerSummary {
  /** Numbers that called in (call types 1, 8, 11, 23) more than once. */
  repeatCallers: number;
  /**
   * Numbers whose latest missed or abandoned incoming call (voicemail included) was followed
   * by no answered call with them, in either direction: the callback worklist's open rows.
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
 * Repeat and unreturned callers, in one pass over the records; the order of the calls does
 * not matter. The pages count callbacks over conversations (`callbacks.ts`); this second,
 * record-level count is what the tests check the worklist's "not called back" against.
 */
export function computeCallerStats(calls: readonly ApiCall[]): CallerSummary {
  const callers = new Map<string, CallerState>();
  for (const call of calls) {
    const type = callTypeIdOf(call);
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
      if (outcome === ANSWERED && type !== VOICEMAIL) {
        if (at > state.lastContact) state.lastContact = at;
      } else if (at > state.lastMiss) {
        state.lastMiss = at;
      }
    } else if (CONTACT_TYPES.has(type) && outcome === ANSWERED) {
      const key = customerKeyOf(call);
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
