import { legsOf, matchAgent } from "@/lib/analytics/agent-match";
import type { TimeRange } from "@/lib/analytics/buckets";
import { createLocalHourLocator } from "@/lib/analytics/heatmap";
import type { ApiCall } from "@/lib/api/calls-response";
import type { Conversation } from "@/lib/conversations/conversation";
import { callEpochMs } from "@/lib/time/call-time";

import type { FilterValues } from "./parsers";

/**
 * Filters the upstream cannot apply, done in the browser over the loaded calls: on records
 * (the table's "every record" mode), or on conversations (the default table, the KPIs,
 * agents, queues and heatmap). On a conversation each reads what its row shows: the primary
 * leg's status, the row's Duration (talk when answered), the conversation's queue, its start.
 */
export type LocalFilters = Pick<
  FilterValues,
  "status" | "minDur" | "maxDur" | "agent" | "queueName" | "when"
>;

/** No local filter set. */
export const NO_LOCAL_FILTERS: LocalFilters = {
  status: null,
  minDur: null,
  maxDur: null,
  agent: null,
  queueName: null,
  when: null,
};

export interface LocalFilterContext {
  /** The viewer's zone, for the weekday and hour of `when`. */
  timeZone: string;
  /** The loaded range: `when` counts the local hours inside it. */
  range: TimeRange | null;
}

/** Which local filters to leave out (the heatmap shows every cell, its own filter apart). */
export type LocalFilterName = keyof LocalFilters;

export function hasLocalFilters(f: LocalFilters): boolean {
  return (
    Boolean(f.status?.length) ||
    f.minDur !== null ||
    f.maxDur !== null ||
    f.agent !== null ||
    f.queueName !== null ||
    f.when !== null
  );
}

interface Fact {
  status: string | undefined;
  duration: number;
  queue: string | undefined;
  start: number | undefined;
}

/** One predicate over a row's facts, for every filter but the agent's (which needs the set). */
function factFilter(
  f: LocalFilters,
  context: LocalFilterContext,
): ((fact: Fact) => boolean) | null {
  const statuses = f.status?.length ? new Set<string>(f.status) : null;
  const min = f.minDur ?? -Infinity;
  const max = f.maxDur ?? Infinity;
  const queue = f.queueName;
  const cell = f.when ? f.when.weekday * 24 + f.when.hour : -1;
  const locator =
    f.when && context.range ? createLocalHourLocator(context.range, context.timeZone) : null;
  if (!statuses && f.minDur === null && f.maxDur === null && queue === null && cell < 0)
    return null;
  return (fact) => {
    if (statuses && !statuses.has(fact.status ?? "")) return false;
    if (fact.duration < min || fact.duration > max) return false;
    if (queue !== null && fact.queue !== queue) return false;
    if (cell >= 0 && (!locator || fact.start === undefined || locator.cellOf(fact.start) !== cell))
      return false;
    return true;
  };
}

/** Records mode: the records that pass. The same array when no filter is set. */
export function filterCallsLocally(
  calls: readonly ApiCall[],
  f: LocalFilters,
  context: LocalFilterContext = { timeZone: "UTC", range: null },
): readonly ApiCall[] {
  if (!hasLocalFilters(f)) return calls;
  const test = factFilter(f, context);
  let kept = test
    ? calls.filter((call) =>
        test({
          status: call.DialStatus,
          duration: call.Duration ?? 0,
          queue: call.QueueName || undefined,
          start: callEpochMs(call),
        }),
      )
    : calls;
  if (f.agent !== null) {
    const match = matchAgent(kept, f.agent);
    kept = kept.filter((call) => match.record(call));
  }
  return kept;
}

/** The keep-test of conversations mode; null when no filter is set. */
export interface ConversationFilter<C> {
  keep: ((conversation: C, index: number) => boolean) | null;
  /** The agent filter's agent as the agents table names them. */
  agentName: string | undefined;
}

/**
 * Conversations mode: which conversations pass, each read with its table row (whose Duration
 * the duration bounds read). The agent's directory is learned from the conversations that
 * pass the other filters — the set the agents table computes its rows from.
 */
export function conversationFilter<C extends Conversation<ApiCall>>(
  conversations: readonly C[],
  rows: readonly ApiCall[],
  f: LocalFilters,
  context: LocalFilterContext,
): ConversationFilter<C> {
  if (!hasLocalFilters(f)) return { keep: null, agentName: undefined };
  const test = factFilter(f, context);
  const fact = (c: C, i: number): Fact => ({
    status: c.status,
    duration: rows[i]?.Duration ?? 0,
    queue: c.queue,
    start: Number.isNaN(c.start) ? undefined : c.start,
  });
  if (f.agent === null) {
    return { keep: test ? (c, i) => test(fact(c, i)) : null, agentName: undefined };
  }
  const passing = test ? conversations.filter((c, i) => test(fact(c, i))) : conversations;
  const match = matchAgent(legsOf(passing), f.agent);
  return {
    keep: (c, i) => (!test || test(fact(c, i))) && match.conversation(c),
    agentName: match.name,
  };
}
