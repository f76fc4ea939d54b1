import type { ApiCall } from "@/lib/api/calls-response";
import {
  conversationFilter,
  filterCallsLocally,
  type LocalFilterContext,
  type LocalFilters,
} from "@/lib/view-state/local-filter";

import {
  conversationRowsOf,
  filterConversationRows,
  type ConversationRows,
} from "./conversation-rows";

export { legsOfRow, type ConversationRows } from "./conversation-rows";
// Loaded with the rest, after hydration: the page asks the previous period once it is here.
export { previousPeriod } from "@/lib/analytics/compare";

/** What every dashboard page derives from one loaded answer and the URL's local filters. */
export interface ConversationView {
  /** Every loaded conversation. */
  all: ConversationRows;
  /** The conversations that pass the local filters: the KPIs, agents, queues, the table. */
  shown: ConversationRows;
  /** Every local filter but the heatmap's own cell, so the heatmap keeps every cell. */
  heatmap: ConversationRows;
  /** The agent filter's agent, named as the agents table names them. */
  agentName: string | undefined;
}

/** The loaded calls as conversations (grouped once per answer), filtered. */
export function deriveConversations(
  calls: readonly ApiCall[],
  filters: LocalFilters,
  context: LocalFilterContext,
): ConversationView {
  const all = conversationRowsOf(calls);
  const filter = (f: LocalFilters) => conversationFilter(all.conversations, all.rows, f, context);
  const main = filter(filters);
  const shown = filterConversationRows(all, main.keep);
  return {
    all,
    shown,
    heatmap:
      filters.when === null
        ? shown
        : filterConversationRows(all, filter({ ...filters, when: null }).keep),
    agentName: main.agentName,
  };
}

/** "Every record": the loaded records that pass the local filters. */
export function deriveRecords(
  calls: readonly ApiCall[],
  filters: LocalFilters,
  context: LocalFilterContext,
): readonly ApiCall[] {
  return filterCallsLocally(calls, filters, context);
}
