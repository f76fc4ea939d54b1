import "server-only";

import { sql } from "drizzle-orm";

import type { TimeRange } from "@/lib/analytics/buckets";
import { computeCallbacks, type CallbackKpis } from "@/lib/analytics/callbacks";
import { computeConversationKpis, type ConversationKpis } from "@/lib/analytics/conversation-kpis";
import { computeHeatmap, type Heatmap } from "@/lib/analytics/heatmap";
import type { ApiCall } from "@/lib/api/calls-response";
import { deriveConversations } from "@/lib/dashboard/view-data";
import type { Database } from "@/lib/db/database";
import { COMPACT_READ, recordsOfCompactText } from "@/lib/store/compact";
import { callsWhere, filterKey, type StoreFilter } from "@/lib/store/filter";
import type { LocalFilters } from "@/lib/view-state/local-filter";

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

const SLICE = 50_000;
const KEEP_MS = 60_000;
const KEEP_SETS = 2;

/**
 * The records of a filter in load order (Date, CallID), in the fields grouping reads: their
 * compact forms (lib/store/compact.ts), joined by the database into one text per slice —
 * slices so that on the embedded database other queries get their turn in between.
 */
async function readCompact(db: Pick<Database, "execute">, filter: StoreFilter) {
  const out: ApiCall[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const keyset = after
      ? sql` and (started_at, call_id) > (${after.at}::timestamptz, ${after.id})`
      : sql``;
    const { rows } = await db.execute<{ text: string | null }>(sql`
      select string_agg(c, ',' order by started_at, call_id) as text from (
        select started_at, call_id, ${sql.raw(COMPACT_READ)} as c from stored_call
        where ${callsWhere(filter)}${keyset} order by started_at, call_id limit ${SLICE}) s`);
    const slice = recordsOfCompactText(rows[0]?.text ?? "");
    for (const call of slice) out.push(call);
    if (slice.length < SLICE) return out;
    const last = slice[slice.length - 1]!;
    after = { at: last.Date ?? "", id: last.CallID };
  }
}

const sets = new Map<string, { at: number; calls: Promise<ApiCall[]> }>();

function recordsOf(db: Pick<Database, "execute">, filter: StoreFilter, now: number) {
  const key = `${filter.from}|${filter.to}|${filterKey(filter)}`;
  const kept = sets.get(key);
  // kept a minute from when the read finished (a read in flight is shared)
  if (kept && (kept.at === 0 || now - kept.at < KEEP_MS)) return kept.calls;
  const entry = { at: 0, calls: readCompact(db, filter) };
  sets.set(key, entry);
  entry.calls.then(
    () => (entry.at = Date.now()),
    () => sets.delete(key),
  );
  for (const [k, v] of sets) if (sets.size > KEEP_SETS && v !== entry) sets.delete(k);
  return entry.calls;
}

export async function computeConversationFigures(
  db: Pick<Database, "execute">,
  filter: StoreFilter,
  options: {
    filters: LocalFilters;
    timeZone: string;
    range: TimeRange;
    shortAbandonSeconds: number;
    serviceLevelSeconds: number;
    now?: number;
  },
): Promise<ConversationFigures> {
  const calls = await recordsOf(db, filter, options.now ?? Date.now());
  const view = deriveConversations(calls, options.filters, {
    timeZone: options.timeZone,
    range: options.range,
  });
  const shown = view.shown.conversations;
  return {
    kpis: computeConversationKpis(shown, {
      shortAbandonSeconds: options.shortAbandonSeconds,
      serviceLevelSeconds: options.serviceLevelSeconds,
    }),
    callbacks: computeCallbacks(shown, { now: options.range.to }).kpis,
    heatmap: computeHeatmap(view.heatmap.conversations, {
      timeZone: options.timeZone,
      range: options.range,
    }),
    conversations: shown.length,
  };
}
