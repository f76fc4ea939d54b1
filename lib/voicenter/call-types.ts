/** The upstream's call types (`CdrType` id → `Type` name), written once. */

export interface CallTypeInfo {
  name: string;
  description: string;
  /** Incoming to the company (vs. outgoing, internal or service legs). */
  direction: "incoming" | "outgoing" | "internal";
}

export const CALL_TYPES = {
  1: {
    name: "Incoming Call",
    description: "Ordinary incoming call routed straight to an extension",
    direction: "incoming",
  },
  2: {
    name: "CC",
    description: "Call through Voicenter's calling-card / access-number service",
    direction: "outgoing",
  },
  4: {
    name: "Extension Outgoing",
    description: "Ordinary outgoing call from an extension (not click2call)",
    direction: "outgoing",
  },
  8: { name: "Queue", description: "Incoming call that entered a queue", direction: "incoming" },
  9: {
    name: "Click2Call leg1",
    description: "Click2call leg 1: the service and the extension that will dial the target",
    direction: "internal",
  },
  10: {
    name: "Click2Call leg2",
    description: "Click2call leg 2: the extension and the target; carries details and recording",
    direction: "outgoing",
  },
  11: { name: "VoiceMail", description: "Call answered by voicemail", direction: "incoming" },
  12: { name: "Callference", description: "Conference-room call", direction: "internal" },
  13: {
    name: "XferCDR",
    description: "Call transferred manually from an extension to another number or extension",
    direction: "internal",
  },
  14: {
    name: "ProductiveCall Leg1",
    description: "Dialer leg 1: the service and the agent",
    direction: "internal",
  },
  15: {
    name: "ProductiveCall Leg2",
    description: "Dialer leg 2: the agent and the target/lead",
    direction: "outgoing",
  },
  16: {
    name: "Scrubber",
    description: "Call made through the scrubber service",
    direction: "outgoing",
  },
  17: {
    name: "Click 2 IVR",
    description: "Smart-dialer leg 1: the dialer and the target",
    direction: "outgoing",
  },
  18: {
    name: "Click 2 IVR Incoming",
    description: "Smart-dialer leg 2 into your IVR, not through a queue; has status and recording",
    direction: "incoming",
  },
  19: {
    name: "Click 2 Queue Incoming",
    description:
      "Smart-dialer leg 2 through a queue, waiting for an agent; has status and recording",
    direction: "incoming",
  },
  20: {
    name: "FaxCdr",
    description: "Internal fax service (not active yet)",
    direction: "internal",
  },
  21: {
    name: "Attended CDR leg1",
    description: "Attended (consultative) transfer",
    direction: "internal",
  },
  22: {
    name: "Attended CDR leg2",
    description: "Attended transfer: the customer's call with the agent it was handed to",
    direction: "incoming",
  },
  23: {
    name: "Auto forward",
    description: "Call forwarded automatically from an extension to a phone number",
    direction: "outgoing",
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
