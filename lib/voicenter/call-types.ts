/** The upstream's call types (`CdrType` id → `Type` name), written once. */

/**
 * What one record of a type is within its conversation (see lib/conversations/README.md):
 * - `whole`: the conversation in one record (1, 2, 4, 8, 11, 12, 16, 20);
 * - `agent`: leg 1 of click2call/dialer, the service ringing the agent (9, 14);
 * - `dial`: leg 1 of the smart dialer, the dialer ringing the customer (17);
 * - `customer`: leg 2, the customer's leg, with status details and recording (10, 15, 18, 19, 22);
 * - `consult`: agent A consulting agent B before an attended transfer (21);
 * - `transfer`: the customer handed on by an agent to another extension or number (13);
 * - `forward`: the call forwarded from an extension to a phone number (23).
 */
export type LegRole = "whole" | "agent" | "dial" | "customer" | "consult" | "transfer" | "forward";

export interface CallTypeInfo {
  name: string;
  description: string;
  /**
   * Direction of the conversation the record belongs to, from the company's side: a
   * customer calling in, the company calling out, or no customer (a transfer record alone
   * counts as internal: the call it continues is counted where it is). So 18/19 (the
   * customer's leg of a smart-dialer call) are outgoing, and 23 (a customer's call forwarded
   * to an agent's phone) incoming, though each record alone reads the other way.
   */
  direction: "incoming" | "outgoing" | "internal";
  legRole: LegRole;
  /** Which number is the customer's: the caller's, the target's, or none (agents only). */
  customer: "caller" | "target" | "none";
}

export const CALL_TYPES = {
  1: {
    name: "Incoming Call",
    description: "Ordinary incoming call routed straight to an extension",
    direction: "incoming",
    legRole: "whole",
    customer: "caller",
  },
  2: {
    name: "CC",
    description: "Call through Voicenter's calling-card / access-number service",
    direction: "outgoing",
    legRole: "whole",
    customer: "target",
  },
  4: {
    name: "Extension Outgoing",
    description: "Ordinary outgoing call from an extension (not click2call)",
    direction: "outgoing",
    legRole: "whole",
    customer: "target",
  },
  8: {
    name: "Queue",
    description: "Incoming call that entered a queue",
    direction: "incoming",
    legRole: "whole",
    customer: "caller",
  },
  9: {
    name: "Click2Call leg1",
    description: "Click2call leg 1: the service and the extension that will dial the target",
    direction: "outgoing",
    legRole: "agent",
    customer: "none",
  },
  10: {
    name: "Click2Call leg2",
    description: "Click2call leg 2: the extension and the target; carries details and recording",
    direction: "outgoing",
    legRole: "customer",
    customer: "target",
  },
  11: {
    name: "VoiceMail",
    description: "Call answered by voicemail",
    direction: "incoming",
    legRole: "whole",
    customer: "caller",
  },
  12: {
    name: "Callference",
    description: "Conference-room call",
    direction: "internal",
    legRole: "whole",
    customer: "none",
  },
  13: {
    name: "XferCDR",
    description: "Call transferred manually from an extension to another number or extension",
    direction: "internal",
    legRole: "transfer",
    customer: "caller",
  },
  14: {
    name: "ProductiveCall Leg1",
    description: "Dialer leg 1: the service and the agent",
    direction: "outgoing",
    legRole: "agent",
    customer: "none",
  },
  15: {
    name: "ProductiveCall Leg2",
    description: "Dialer leg 2: the agent and the target/lead",
    direction: "outgoing",
    legRole: "customer",
    customer: "target",
  },
  16: {
    name: "Scrubber",
    description: "Call made through the scrubber service",
    // A probe of whether a lead's number is live: nobody talks, so no conversation.
    direction: "internal",
    legRole: "whole",
    customer: "target",
  },
  17: {
    name: "Click 2 IVR",
    description: "Smart-dialer leg 1: the dialer and the target",
    direction: "outgoing",
    legRole: "dial",
    customer: "target",
  },
  18: {
    name: "Click 2 IVR Incoming",
    description: "Smart-dialer leg 2 into your IVR, not through a queue; has status and recording",
    direction: "outgoing",
    legRole: "customer",
    customer: "caller",
  },
  19: {
    name: "Click 2 Queue Incoming",
    description:
      "Smart-dialer leg 2 through a queue, waiting for an agent; has status and recording",
    direction: "outgoing",
    legRole: "customer",
    customer: "caller",
  },
  20: {
    name: "FaxCdr",
    description: "Internal fax service (not active yet)",
    direction: "internal",
    legRole: "whole",
    customer: "caller",
  },
  21: {
    name: "Attended CDR leg1",
    description: "Attended (consultative) transfer",
    direction: "internal",
    legRole: "consult",
    customer: "none",
  },
  22: {
    name: "Attended CDR leg2",
    description: "Attended transfer: the customer's call with the agent it was handed to",
    direction: "incoming",
    legRole: "customer",
    customer: "caller",
  },
  23: {
    name: "Auto forward",
    description: "Call forwarded automatically from an extension to a phone number",
    direction: "incoming",
    legRole: "forward",
    customer: "caller",
  },
} as const satisfies Record<number, CallTypeInfo>;

export type CallTypeId = keyof typeof CALL_TYPES;

export const CALL_TYPE_IDS = Object.keys(CALL_TYPES).map(Number) as CallTypeId[];

export function isCallTypeId(id: number): id is CallTypeId {
  return Object.hasOwn(CALL_TYPES, id);
}

/** Types whose records are one leg of a two-leg call (linked by CustomData.OriginalIvrUniqueID). */
export const TWO_LEG_TYPES: ReadonlyArray<readonly [CallTypeId, CallTypeId]> = [
  [9, 10],
  [14, 15],
  [17, 18],
  [17, 19],
  [21, 22],
];
