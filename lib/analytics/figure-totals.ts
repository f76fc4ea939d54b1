import type { AgentRow } from "./agents";
import type { QueueRow } from "./queues";

/**
 * The totals rows of the agents and queues tables, from their rows: counts summed, averages
 * and shares weighted by what they are averages of, maxima as maxima.
 */

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const sum = <R>(rows: readonly R[], pick: (row: R) => number) =>
  rows.reduce((total, row) => total + pick(row), 0);
const max = <R>(rows: readonly R[], pick: (row: R) => number) =>
  rows.reduce((most, row) => Math.max(most, pick(row)), 0);

export type AgentTotals = Omit<AgentRow, "key" | "name" | "code" | "extensions" | "aliases">;

/**
 * Every agent together. A conversation two agents talked in counts for both (as in their
 * rows): `handled` sums the rows, it does not count conversations.
 */
export function totalAgents(rows: readonly AgentRow[]): AgentTotals {
  const handled = sum(rows, (r) => r.handled);
  const talk = sum(rows, (r) => r.talkSeconds);
  const ringCount = sum(rows, (r) => r.ringCount);
  return {
    inboundAnswered: sum(rows, (r) => r.inboundAnswered),
    missed: sum(rows, (r) => r.missed),
    outboundAttempts: sum(rows, (r) => r.outboundAttempts),
    outboundConnected: sum(rows, (r) => r.outboundConnected),
    handled,
    talkSeconds: talk,
    avgTalkSeconds: ratio(talk, handled),
    avgRingSeconds: ratio(
      sum(rows, (r) => (r.avgRingSeconds ?? 0) * r.ringCount),
      ringCount,
    ),
    ringCount,
    longestTalkSeconds: max(rows, (r) => r.longestTalkSeconds),
    recordedShare: ratio(
      sum(rows, (r) => Math.round((r.recordedShare ?? 0) * r.handled)),
      handled,
    ),
    costAgorot: sum(rows, (r) => r.costAgorot),
  };
}

export type QueueTotals = Omit<QueueRow, "queue">;

/** Every queue together: each conversation passed through one queue at most, so these are exact. */
export function totalQueues(rows: readonly QueueRow[]): QueueTotals {
  const offered = sum(rows, (r) => r.offered);
  const answered = sum(rows, (r) => r.answered);
  const within = sum(rows, (r) => r.answeredWithinServiceLevel);
  const withWait = sum(rows, (r) => r.answeredWithWait);
  const talk = sum(rows, (r) => r.talkSeconds);
  return {
    offered,
    answered,
    abandoned: sum(rows, (r) => r.abandoned),
    shortAbandoned: sum(rows, (r) => r.shortAbandoned),
    timeout: sum(rows, (r) => r.timeout),
    exit: sum(rows, (r) => r.exit),
    full: sum(rows, (r) => r.full),
    noAgents: sum(rows, (r) => r.noAgents),
    otherUnanswered: sum(rows, (r) => r.otherUnanswered),
    failed: sum(rows, (r) => r.failed),
    outbound: sum(rows, (r) => r.outbound),
    answerRate: ratio(answered, offered),
    answeredWithinServiceLevel: within,
    serviceLevel: ratio(within, offered),
    avgSpeedOfAnswerSeconds: ratio(
      sum(rows, (r) => (r.avgSpeedOfAnswerSeconds ?? 0) * r.answeredWithWait),
      withWait,
    ),
    answeredWithWait: withWait,
    talkSeconds: talk,
    avgTalkSeconds: ratio(talk, answered),
    longestWaitSeconds: max(rows, (r) => r.longestWaitSeconds),
  };
}
