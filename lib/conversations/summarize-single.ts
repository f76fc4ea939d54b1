import type { CallOutcome } from "@/lib/voicenter/dial-statuses";

import type { Conversation } from "./conversation";
import {
  DIRECTIONS,
  NO_AGENTS,
  onlyAgent,
  outcomeOfStatus,
  RANK,
  text,
  VOICEMAIL_TYPE,
} from "./leg-facts";
import {
  agentOf,
  callTypeIdOf,
  customerKeyOf,
  typeInfoOf,
  type ConversationRecord,
} from "./records";

/**
 * `summarizeConversation([leg], …)` for a conversation of one record — nine in ten — read
 * in one pass without the per-leg lists and loops the general case needs.
 */
export function summarizeSingle<R extends ConversationRecord>(
  leg: R,
  partial: boolean,
  start: number,
  sharedId: string | null,
): Conversation<R> {
  const info = typeInfoOf(leg);
  const role = info.legRole;
  const voicemail = callTypeIdOf(leg) === VOICEMAIL_TYPE;
  const own = outcomeOfStatus(leg.DialStatus);
  const outcome: CallOutcome = role === "agent" ? "failed" : voicemail ? "missed" : own;
  const agent = agentOf(leg, info);
  const talks = outcome === "answered" && RANK[role] >= 0 && !voicemail && own === "answered";
  return {
    id: sharedId ?? leg.CallID,
    legs: [leg],
    primaryLeg: 0,
    direction:
      outcome !== "answered" && role === "consult" ? "internal" : DIRECTIONS[info.direction],
    start,
    customer: customerKeyOf(leg, info),
    agent,
    agents: agent ? onlyAgent(agent) : NO_AGENTS,
    queue: text(leg.QueueName),
    did: text(leg.DID),
    outcome,
    status: leg.DialStatus,
    voicemail,
    waitSeconds: leg.RingTime,
    talkSeconds: talks ? (leg.Duration ?? 0) : 0,
    recorded: leg.HasRecording === true,
    costAgorot: leg.Price ?? 0,
    partial,
  };
}
