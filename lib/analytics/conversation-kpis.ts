import type { Conversation } from "@/lib/conversations/conversation";

/** Thresholds the KPIs are read with (the URL's `abandonS` and `slaS`). */
export interface ConversationKpiOptions {
  /** An abandoned conversation whose caller waited less than this is a short abandon. */
  shortAbandonSeconds: number;
  /** Service level counts conversations answered within this wait. */
  serviceLevelSeconds: number;
}

export const DEFAULT_KPI_OPTIONS: ConversationKpiOptions = {
  shortAbandonSeconds: 5,
  serviceLevelSeconds: 20,
};

/** Inbound figures: conversations a customer started (types 1, 8, 11, 22, 23 lead them). */
export interface InboundKpis {
  /** Inbound conversations of every outcome, failed ones included. */
  conversations: number;
  /** Offered = answered + missed + abandoned + short abandoned: failed ones reached nobody. */
  offered: number;
  /** Taken by a person (voicemail is not). */
  answered: number;
  /** Rang out, busy, cancelled, queue full or empty, voicemail. */
  missed: number;
  /** Of which the caller ended in voicemail. */
  voicemail: number;
  /** Caller hung up waiting (ABANDONE, TIMEOUT, EXIT, IVR hang-ups) after ≥ shortAbandonSeconds. */
  abandoned: number;
  /**
   * Abandoned with a wait (RingTime) under shortAbandonSeconds, reported apart; IVR hang-ups
   * (VOEND, TE) never waited, so they are here. A conversation without RingTime is not short.
   */
  shortAbandoned: number;
  /** Never reached anyone (channel errors, NOTCALLED). Not offered. */
  failed: number;
  /** Ratios 0–1 of offered (they add up to 1); null when nothing was offered. */
  answeredRate: number | null;
  missedRate: number | null;
  abandonedRate: number | null;
  shortAbandonedRate: number | null;
  /** Answered with a wait ≤ serviceLevelSeconds (a missing RingTime does not count). */
  answeredWithinServiceLevel: number;
  /** answeredWithinServiceLevel ÷ offered; null when nothing was offered. */
  serviceLevel: number | null;
  /** ASA: mean wait (the primary leg's RingTime) of answered conversations that carry one. */
  avgSpeedOfAnswerSeconds: number | null;
  /** Total talk (Duration of the answered customer legs) of answered conversations. */
  talkSeconds: number;
  /** talkSeconds ÷ answered; null when none was answered. */
  avgTalkSeconds: number | null;
}

/** Outbound figures: conversations the company started (4, 2, click2call, dialers). */
export interface OutboundKpis {
  /** Every outbound conversation, including those that failed before reaching the customer. */
  attempts: number;
  /** The customer answered (for the smart dialer: an agent took the customer). */
  connected: number;
  /** The customer did not answer, was busy, or hung up waiting for an agent. */
  notConnected: number;
  /** Never reached the customer's phone (agent leg unanswered, congestion, NOTCALLED). */
  failed: number;
  /** connected ÷ attempts; null without attempts. */
  connectedRate: number | null;
  talkSeconds: number;
  /** talkSeconds ÷ connected; null when none connected. */
  avgTalkSeconds: number | null;
}

export interface ConversationKpis {
  /** All conversations, inbound + outbound + internal. */
  conversations: number;
  /** The records they were grouped from. */
  records: number;
  /** Conversations with no customer (consults, conferences, lone transfers, fax, scrubber). */
  internal: number;
  /** Conversations a leg of which is outside the loaded records. */
  partial: number;
  inbound: InboundKpis;
  outbound: OutboundKpis;
  /** Sum of Price over every leg of every conversation, agorot. */
  costAgorot: number;
  /** Conversations with a recording (any direction or outcome: voicemail messages too). */
  recorded: number;
  /** Answered inbound and connected outbound conversations with a recording. */
  recordedAnswered: number;
  /** recordedAnswered ÷ (answered inbound + connected outbound); null when none. */
  recordedRate: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Whether an abandoned conversation was a short abandon under `seconds`. */
export function isShortAbandon(conversation: Conversation, seconds: number): boolean {
  const wait = conversation.waitSeconds;
  return conversation.outcome === "abandoned" && wait !== undefined && wait < seconds;
}

/** Inbound, outbound and shared KPIs over conversations, in one pass. */
export function computeConversationKpis(
  conversations: readonly Conversation[],
  options: ConversationKpiOptions = DEFAULT_KPI_OPTIONS,
): ConversationKpis {
  const { shortAbandonSeconds, serviceLevelSeconds } = options;
  const inn = { total: 0, answered: 0, missed: 0, voicemail: 0, abandoned: 0, short: 0 };
  let inFailed = 0;
  let inWithinSl = 0;
  let waitSum = 0;
  let waitCount = 0;
  let inTalk = 0;
  const out = { total: 0, connected: 0, failed: 0, talk: 0 };
  let records = 0;
  let internal = 0;
  let partial = 0;
  let cost = 0;
  let recorded = 0;
  let recordedAnswered = 0;

  for (const c of conversations) {
    records += c.legs.length;
    cost += c.costAgorot;
    if (c.recorded) recorded++;
    if (c.partial) partial++;
    if (c.direction === "internal") {
      internal++;
      continue;
    }
    const wait = c.waitSeconds;
    if (c.recorded && c.outcome === "answered") recordedAnswered++;
    if (c.direction === "outbound") {
      out.total++;
      if (c.outcome === "answered") {
        out.connected++;
        out.talk += c.talkSeconds;
      } else if (c.outcome === "failed") out.failed++;
      continue;
    }
    inn.total++;
    switch (c.outcome) {
      case "answered":
        inn.answered++;
        inTalk += c.talkSeconds;
        if (wait !== undefined) {
          waitSum += wait;
          waitCount++;
          if (wait <= serviceLevelSeconds) inWithinSl++;
        }
        break;
      case "missed":
        inn.missed++;
        if (c.voicemail) inn.voicemail++;
        break;
      case "abandoned":
        if (isShortAbandon(c, shortAbandonSeconds)) inn.short++;
        else inn.abandoned++;
        break;
      default:
        inFailed++;
    }
  }

  const offered = inn.answered + inn.missed + inn.abandoned + inn.short;
  const answeredAll = inn.answered + out.connected;
  return {
    conversations: conversations.length,
    records,
    internal,
    partial,
    inbound: {
      conversations: inn.total,
      offered,
      answered: inn.answered,
      missed: inn.missed,
      voicemail: inn.voicemail,
      abandoned: inn.abandoned,
      shortAbandoned: inn.short,
      failed: inFailed,
      answeredRate: ratio(inn.answered, offered),
      missedRate: ratio(inn.missed, offered),
      abandonedRate: ratio(inn.abandoned, offered),
      shortAbandonedRate: ratio(inn.short, offered),
      answeredWithinServiceLevel: inWithinSl,
      serviceLevel: ratio(inWithinSl, offered),
      avgSpeedOfAnswerSeconds: waitCount > 0 ? waitSum / waitCount : null,
      talkSeconds: inTalk,
      avgTalkSeconds: ratio(inTalk, inn.answered),
    },
    outbound: {
      attempts: out.total,
      connected: out.connected,
      notConnected: out.total - out.connected - out.failed,
      failed: out.failed,
      connectedRate: ratio(out.connected, out.total),
      talkSeconds: out.talk,
      avgTalkSeconds: ratio(out.talk, out.connected),
    },
    costAgorot: cost,
    recorded,
    recordedAnswered,
    recordedRate: ratio(recordedAnswered, answeredAll),
  };
}
