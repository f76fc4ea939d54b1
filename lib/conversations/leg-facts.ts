import type { LegRole } from "@/lib/voicenter/call-types";
import { DIAL_STATUS_NAMES, outcomeOf, type CallOutcome } from "@/lib/voicenter/dial-statuses";

import type { AgentRef } from "./records";

/** What summarizing a conversation reads of its legs, shared by the general and the one-record case. */

export const DIRECTIONS = {
  incoming: "inbound",
  outgoing: "outbound",
  internal: "internal",
} as const;

/** How strongly a leg speaks for the conversation; agent and consult legs never do. */
export const RANK: Record<LegRole, number> = {
  whole: 5,
  customer: 5,
  dial: 3,
  forward: 2,
  transfer: 1,
  agent: -1,
  consult: -1,
};

export const VOICEMAIL_TYPE = 11;

// The contract's outcomeOf, memoized: it runs several times per record.
const OUTCOME_BY_STATUS = new Map(DIAL_STATUS_NAMES.map((s) => [s as string, outcomeOf(s)]));
export const outcomeOfStatus = (status: string | undefined): CallOutcome =>
  (status === undefined ? undefined : OUTCOME_BY_STATUS.get(status)) ?? "failed";

// Most conversations name one agent or none: they share these lists.
export const NO_AGENTS: readonly AgentRef[] = Object.freeze([]);
const onlyAgents = new WeakMap<AgentRef, readonly AgentRef[]>();
export function onlyAgent(ref: AgentRef): readonly AgentRef[] {
  let list = onlyAgents.get(ref);
  if (!list) {
    list = Object.freeze([ref]);
    onlyAgents.set(ref, list);
  }
  return list;
}
export const NOT_CALLED = "NOTCALLED";

export const text = (value: string | undefined): string | undefined =>
  value === undefined || value === "" ? undefined : value;
