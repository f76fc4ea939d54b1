import type { Conversation } from "@/lib/conversations/conversation";

import {
  DEFAULT_KPI_OPTIONS,
  isShortAbandon,
  type ConversationKpiOptions,
} from "./conversation-kpis";

/**
 * One queue's figures, over the conversations that passed through it (`Conversation.queue`:
 * the primary leg's QueueName, else the first leg's). Both directions count: a smart-dialer
 * call waiting in the queue (19) takes an agent like an inbound one; `outbound` says how many.
 * How each ended is the primary leg's DialStatus.
 */
export interface QueueRow {
  queue: string;
  /** Every conversation of the queue that did not fail: the sum of the counts below. */
  offered: number;
  answered: number;
  /** ABANDONE: the caller hung up waiting, after ≥ shortAbandonSeconds. */
  abandoned: number;
  /** ABANDONE within shortAbandonSeconds, reported apart. */
  shortAbandoned: number;
  /** TIMEOUT: waited the queue's maximum. */
  timeout: number;
  /** EXIT: the caller chose to leave the queue (a key in the queue's menu). */
  exit: number;
  /** FULL: the queue was full. */
  full: number;
  /** JOINEMPTY: no agent was logged in to the queue. */
  noAgents: number;
  /** Any other unanswered ending (NOANSWER, CANCEL, voicemail…). */
  otherUnanswered: number;
  /** Conversations of the queue that never reached it (not offered). */
  failed: number;
  /** Of offered, conversations the company started (smart dialer). */
  outbound: number;
  /** answered ÷ offered; null when nothing was offered. */
  answerRate: number | null;
  /** Answered with a wait ≤ serviceLevelSeconds (a missing RingTime does not count). */
  answeredWithinServiceLevel: number;
  /** answeredWithinServiceLevel ÷ offered. */
  serviceLevel: number | null;
  /** Mean wait of answered conversations (RingTime: the wait in the queue). */
  avgSpeedOfAnswerSeconds: number | null;
  /** Of answered, those that carry a wait: avgSpeedOfAnswerSeconds is their mean. */
  answeredWithWait: number;
  talkSeconds: number;
  /** talkSeconds ÷ answered. */
  avgTalkSeconds: number | null;
  /** The longest wait of any offered conversation, answered or not; 0 when none sent one. */
  longestWaitSeconds: number;
}

interface Tally {
  counts: Omit<
    QueueRow,
    | "queue"
    | "answerRate"
    | "serviceLevel"
    | "avgSpeedOfAnswerSeconds"
    | "avgTalkSeconds"
    | "offered"
    | "answeredWithWait"
  >;
  waitSum: number;
  waitCount: number;
}

const newTally = (): Tally => ({
  counts: {
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    timeout: 0,
    exit: 0,
    full: 0,
    noAgents: 0,
    otherUnanswered: 0,
    failed: 0,
    outbound: 0,
    answeredWithinServiceLevel: 0,
    talkSeconds: 0,
    longestWaitSeconds: 0,
  },
  waitSum: 0,
  waitCount: 0,
});

const STATUS_COUNT = {
  TIMEOUT: "timeout",
  EXIT: "exit",
  FULL: "full",
  JOINEMPTY: "noAgents",
} as const;

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Per-queue figures over conversations, busiest queue first. */
export function computeQueueStats(
  conversations: readonly Conversation[],
  options: ConversationKpiOptions = DEFAULT_KPI_OPTIONS,
): QueueRow[] {
  const tallies = new Map<string, Tally>();
  for (const c of conversations) {
    if (c.queue === undefined) continue;
    let tally = tallies.get(c.queue);
    if (!tally) {
      tally = newTally();
      tallies.set(c.queue, tally);
    }
    const t = tally.counts;
    if (c.outcome === "failed") {
      t.failed++;
      continue;
    }
    if (c.direction === "outbound") t.outbound++;
    const wait = c.waitSeconds;
    if (wait !== undefined && wait > t.longestWaitSeconds) t.longestWaitSeconds = wait;
    if (c.outcome === "answered") {
      t.answered++;
      t.talkSeconds += c.talkSeconds;
      if (wait !== undefined) {
        tally.waitSum += wait;
        tally.waitCount++;
        if (wait <= options.serviceLevelSeconds) t.answeredWithinServiceLevel++;
      }
      continue;
    }
    const status = c.status ?? "";
    if (status === "ABANDONE") {
      if (isShortAbandon(c, options.shortAbandonSeconds)) t.shortAbandoned++;
      else t.abandoned++;
    } else if (Object.hasOwn(STATUS_COUNT, status)) {
      t[STATUS_COUNT[status as keyof typeof STATUS_COUNT]]++;
    } else {
      t.otherUnanswered++;
    }
  }

  const rows: QueueRow[] = [];
  for (const [queue, { counts, waitSum, waitCount }] of tallies) {
    const offered =
      counts.answered +
      counts.abandoned +
      counts.shortAbandoned +
      counts.timeout +
      counts.exit +
      counts.full +
      counts.noAgents +
      counts.otherUnanswered;
    rows.push({
      queue,
      offered,
      ...counts,
      answerRate: ratio(counts.answered, offered),
      serviceLevel: ratio(counts.answeredWithinServiceLevel, offered),
      avgSpeedOfAnswerSeconds: waitCount > 0 ? waitSum / waitCount : null,
      answeredWithWait: waitCount,
      avgTalkSeconds: ratio(counts.talkSeconds, counts.answered),
    });
  }
  return rows.sort(
    (a, b) => b.offered - a.offered || (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0),
  );
}
