import "server-only";

import type { TimeRange } from "@/lib/analytics/buckets";
import { computeCallbacks, type CallbackKpis } from "@/lib/analytics/callbacks";
import { computeConversationKpis, type ConversationKpis } from "@/lib/analytics/conversation-kpis";
import { computeHeatmap, type Heatmap } from "@/lib/analytics/heatmap";
import type { ApiCall } from "@/lib/api/calls-response";
import { deriveConversations } from "@/lib/dashboard/view-data";
import type { Database } from "@/lib/db/database";
import type { StoreFilter } from "@/lib/store/filter";
import type { LocalFilters } from "@/lib/view-state/local-filter";

import { figureOf, isRecordLimitError } from "./record-sets";

/**
 * The KPIs (conversations, split by direction), the callback figures and the heatmap of
 * the paged view, by the browser's own code (lib/conversations, lib/analytics): the range's
 * records are read in the few fields grouping needs, grouped once and kept briefly, and each
 * view's local filters are applied to them as the browser applies them.
 */

export interface ConversationFigures {
  kpis: ConversationKpis;
  callbacks: CallbackKpis;
  heatmap: Heatmap;
  conversations: number;
}

/**
 * Instead of the figures: the view's range has more records than the server groups at once
 * (CALLBOARD_FIGURES_MAX_RECORDS); the charts, the table and the export still serve it.
 */
export interface ConversationFiguresLimited {
  limited: { records: number; max: number };
}

export interface ConversationFigureOptions {
  filters: LocalFilters;
  timeZone: string;
  range: TimeRange;
  shortAbandonSeconds: number;
  serviceLevelSeconds: number;
}

/** The view's figures, from the range's kept records (read when not kept). */
export async function computeConversationFigures(
  db: Pick<Database, "execute">,
  filter: StoreFilter,
  options: ConversationFigureOptions & { now?: number },
): Promise<ConversationFigures | ConversationFiguresLimited> {
  const { now, ...view } = options;
  try {
    return await figureOf(
      db,
      filter,
      `conversations|${JSON.stringify(view)}`,
      (calls) => conversationFiguresOf(calls, view),
      now,
    );
  } catch (error) {
    if (isRecordLimitError(error)) return { limited: { records: error.records, max: error.max } };
    throw error;
  }
}

/** The figures of the records, as the browser computes them. */
export function conversationFiguresOf(
  calls: readonly ApiCall[],
  options: ConversationFigureOptions,
): ConversationFigures {
  const context = { timeZone: options.timeZone, range: options.range };
  const view = deriveConversations(calls, options.filters, context);
  const shown = view.shown.conversations;
  return {
    kpis: computeConversationKpis(shown, {
      shortAbandonSeconds: options.shortAbandonSeconds,
      serviceLevelSeconds: options.serviceLevelSeconds,
    }),
    callbacks: computeCallbacks(shown, { now: options.range.to }).kpis,
    heatmap: computeHeatmap(view.heatmap.conversations, context),
    conversations: shown.length,
  };
}
