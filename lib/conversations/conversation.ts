import { callEpochMs } from "@/lib/time/call-time";
import { CALL_TYPES, type CallTypeInfo, type LegRole } from "@/lib/voicenter/call-types";
import type { CallOutcome } from "@/lib/voicenter/dial-statuses";

import {
  DIRECTIONS,
  NO_AGENTS,
  NOT_CALLED,
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
  legRoleOf,
  originalIdOf,
  typeInfoOf,
  type AgentRef,
  type ConversationRecord,
} from "./records";

export type ConversationDirection = "inbound" | "outbound" | "internal";

/**
 * The records of one call as the customer lived it (rule: README.md beside this file).
 * Plain data: legs are the records themselves, the rest is derived from them.
 */
export interface Conversation<R extends ConversationRecord = ConversationRecord> {
  /** The OriginalIvrUniqueID the legs share, else the first leg's CallID: stable across ranges. */
  id: string;
  /** The records, in time order (leg 1 before leg 2 within a second). */
  legs: R[];
  /** Index in `legs` of the leg that decides outcome, wait, agent and queue. */
  primaryLeg: number;
  direction: ConversationDirection;
  /** Epoch ms of the first leg; NaN when no leg carries a date. */
  start: number;
  /** The customer's number as a phone key (`0501234567`); undefined when none is a phone number. */
  customer: string | undefined;
  /** Who answered (inbound) or placed (outbound) the primary leg. */
  agent: AgentRef | undefined;
  /** Every agent a leg names, in order of appearance (shared: do not modify). */
  agents: readonly AgentRef[];
  queue: string | undefined;
  did: string | undefined;
  /** Answered only when a person took it: voicemail counts as missed. */
  outcome: CallOutcome;
  /** The primary leg's DialStatus (TIMEOUT, EXIT, JOINEMPTY… for queue figures). */
  status: string | undefined;
  /** The caller ended in voicemail (type 11). */
  voicemail: boolean;
  /** RingTime of the primary leg: for a queue call the caller's wait; undefined if not sent. */
  waitSeconds: number | undefined;
  /** Sum of Duration over the answered customer legs (never the agent or consult legs). */
  talkSeconds: number;
  recorded: boolean;
  /** Sum of Price over every leg, agorot. */
  costAgorot: number;
  /** A leg this one points at (two-leg partner, original call) is not among the loaded records. */
  partial: boolean;
}

// One record (most conversations): shared scratch lists for summarizeConversation.
const ONE_INFO: CallTypeInfo[] = [CALL_TYPES[8]];
const ONE_ROLE: LegRole[] = ["whole"];

/** The end of a leg, epoch ms. */
export function legEndMs(leg: ConversationRecord, startMs: number): number {
  return startMs + ((leg.RingTime ?? 0) + (leg.Duration ?? 0)) * 1000;
}

/**
 * Which leg decides: among the customer's legs that were placed (not NOTCALLED; the smart
 * dialer's leg 1 only when no leg 2 was placed), the first answered one of the highest
 * rank; if none was answered, the last one of the highest rank; if there is no customer
 * leg at all (an agent or consult leg alone, or beside a NOTCALLED leg 2), the first leg.
 */
function choosePrimary(legs: readonly ConversationRecord[], roles: readonly LegRole[]): number {
  let placedCustomerLeg = false;
  for (let i = 0; i < legs.length; i++) {
    if (roles[i] === "customer" && legs[i]!.DialStatus !== NOT_CALLED) placedCustomerLeg = true;
  }
  let best = -1;
  let bestRank = -1;
  let bestAnswered = false;
  for (let i = 0; i < legs.length; i++) {
    const role = roles[i]!;
    const rank = RANK[role];
    if (rank < 0 || legs[i]!.DialStatus === NOT_CALLED) continue;
    if (role === "dial" && placedCustomerLeg) continue;
    const answered = outcomeOfStatus(legs[i]!.DialStatus) === "answered";
    const better = bestAnswered ? answered && rank > bestRank : answered || rank >= bestRank;
    if (best < 0 || better) {
      best = i;
      bestRank = rank;
      bestAnswered = answered;
    }
  }
  return best < 0 ? 0 : best;
}

/**
 * Whether a leg's Duration is the customer talking to someone: an answered customer leg of
 * an answered conversation; never an agent or consult leg, nor the dialer's leg 1 when a
 * leg 2 decides, nor voicemail.
 */
function isTalk(
  leg: ConversationRecord,
  role: LegRole,
  primary: boolean,
  outcome: CallOutcome,
): boolean {
  return (
    outcome === "answered" &&
    RANK[role] >= 0 &&
    (role !== "dial" || primary) &&
    callTypeIdOf(leg) !== VOICEMAIL_TYPE &&
    outcomeOfStatus(leg.DialStatus) === "answered"
  );
}

/** Whether leg `index` of a conversation counts as talk (what agents' talk time sums). */
export function isTalkLeg(conversation: Conversation, index: number): boolean {
  const leg = conversation.legs[index];
  return (
    leg !== undefined &&
    isTalk(leg, legRoleOf(leg), index === conversation.primaryLeg, conversation.outcome)
  );
}

/**
 * Builds the conversation of legs already in time order. Grouping passes what it has read
 * already: the first leg's start, and the OriginalIvrUniqueID the legs share (null: none).
 */
export function summarizeConversation<R extends ConversationRecord>(
  legs: R[],
  partial: boolean,
  firstStart = legStartMs(legs[0]!),
  sharedId: string | null = sharedOriginalOf(legs),
): Conversation<R> {
  const count = legs.length;
  const start = firstStart;
  // One record (most conversations): shared scratch lists, so nothing is allocated here.
  const infos = count === 1 ? ONE_INFO : new Array<CallTypeInfo>(count);
  const roles = count === 1 ? ONE_ROLE : new Array<LegRole>(count);
  for (let i = 0; i < count; i++) {
    infos[i] = typeInfoOf(legs[i]!);
    roles[i] = infos[i]!.legRole;
  }
  const primaryLeg = count === 1 ? 0 : choosePrimary(legs, roles);
  const primary = legs[primaryLeg]!;
  const primaryRole = roles[primaryLeg]!;
  const voicemail = callTypeIdOf(primary) === VOICEMAIL_TYPE;
  const outcome: CallOutcome =
    primaryRole === "agent" ? "failed" : voicemail ? "missed" : outcomeOfStatus(primary.DialStatus);

  let talkSeconds = 0;
  let recorded = false;
  let costAgorot = 0;
  let customer = customerKeyOf(primary, infos[primaryLeg]);
  let queue = text(primary.QueueName);
  let did = text(primary.DID);
  let agent: AgentRef | undefined;
  let agents: readonly AgentRef[] = NO_AGENTS;
  for (let i = 0; i < count; i++) {
    const leg = legs[i]!;
    if (leg.HasRecording === true) recorded = true;
    if (leg.Price !== undefined) costAgorot += leg.Price;
    if (count > 1) {
      customer ??= customerKeyOf(leg, infos[i]);
      // A leg never placed (NOTCALLED) names the queue it would have entered, not one it did.
      if (leg.DialStatus !== NOT_CALLED) queue ??= text(leg.QueueName);
      did ??= text(leg.DID);
    }
    const ref = agentOf(leg, infos[i]);
    if (ref) {
      let seen: AgentRef | undefined;
      for (const a of agents) if (a.key === ref.key) seen = a;
      if (!seen) agents = agents.length === 0 ? onlyAgent(ref) : [...agents, ref];
      if (i === primaryLeg) agent = seen ?? ref;
    }
    if (isTalk(leg, roles[i]!, i === primaryLeg, outcome)) talkSeconds += leg.Duration ?? 0;
  }

  // A hand-over (21/22) that did not reach agent B is not a call of its own: the customer
  // stays on the call it interrupted, which is counted where it is.
  const direction =
    outcome !== "answered" && roles.includes("consult")
      ? "internal"
      : DIRECTIONS[infos[primaryLeg]!.direction];
  return {
    id: sharedId ?? legs[0]!.CallID,
    legs,
    primaryLeg,
    direction,
    start,
    customer,
    agent,
    agents,
    queue,
    did,
    outcome,
    status: primary.DialStatus,
    voicemail,
    waitSeconds: primary.RingTime,
    talkSeconds,
    recorded,
    costAgorot,
    partial,
  };
}

/** The first OriginalIvrUniqueID among the legs, null when none has one. */
function sharedOriginalOf(legs: readonly ConversationRecord[]): string | null {
  for (const leg of legs) {
    const id = originalIdOf(leg);
    if (id !== undefined) return id;
  }
  return null;
}

/** A leg's start, epoch ms (NaN when undated), for callers that sort legs. */
export function legStartMs(leg: ConversationRecord): number {
  return callEpochMs(leg) ?? Number.NaN;
}

/** When the conversation's last leg ended (start + RingTime + Duration), epoch ms. */
export function conversationEndMs(conversation: Conversation): number {
  let end = conversation.start;
  for (const leg of conversation.legs) {
    const legEnd = legEndMs(leg, legStartMs(leg));
    if (legEnd > end) end = legEnd;
  }
  return end;
}

/** The leg that decides the conversation's outcome, wait, agent and queue. */
export function primaryOf<R extends ConversationRecord>(conversation: Conversation<R>): R {
  return conversation.legs[conversation.primaryLeg]!;
}
