import "server-only";

import { sql } from "drizzle-orm";

import type { TimeRange } from "@/lib/analytics/buckets";
import { computeCallbacks, type CallbackKpis } from "@/lib/analytics/callbacks";
import { computeConversationKpis, type ConversationKpis } from "@/lib/analytics/conversation-kpis";
import { computeHeatmap, type Heatmap } from "@/lib/analytics/heatmap";
import type { ApiCall } from "@/lib/api/calls-response";
import { deriveConversations } from "@/lib/dashboard/view-data";
import type { Database } from "@/lib/db/database";
import { callsWhere, filterKey, type StoreFilter } from "@/lib/store/filter";
import type { LocalFilters } from "@/lib/view-state/local-filter";

import { withoutNulls } from "./local-sql";

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

const SLICE = 20_000;
const KEEP_MS = 60_000;
const KEEP_SETS = 2;

const COMPACT = sql`json_build_array(call_id,
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), cdr_type, record->'Type',
  dial_status, caller_number, target_number, did, queue_name, ring_time, duration, price,
  representative_name, representative_code, user_name, caller_extension, target_extension,
  record->'CustomData'->'OriginalIvrUniqueID', has_recording)`;
const NAMES = [
  "CallID",
  "Date",
  "CdrType",
  "Type",
  "DialStatus",
  "CallerNumber",
  "TargetNumber",
  "DID",
  "QueueName",
  "RingTime",
  "Duration",
  "Price",
  "RepresentativeName",
  "RepresentativeCode",
  "UserName",
  "CallerExtension",
  "TargetExtension",
  "OriginalIvrUniqueID",
  "HasRecording",
] as const;

function recordOf(values: unknown[]): ApiCall {
  const raw: Record<string, unknown> = {};
  NAMES.forEach((name, i) => (raw[name] = values[i]));
  const { OriginalIvrUniqueID: original, ...rest } = raw;
  if (original !== null && original !== undefined)
    rest.CustomData = { OriginalIvrUniqueID: original };
  return withoutNulls(rest);
}

/** The records of a filter in load order (Date, CallID), in the fields grouping reads. */
async function readCompact(db: Pick<Database, "execute">, filter: StoreFilter) {
  const out: ApiCall[] = [];
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const keyset = after
      ? sql` and (started_at, call_id) > (${after.at}::timestamptz, ${after.id})`
      : sql``;
    const { rows } = await db.execute<{ json: string | null }>(sql`
      select json_agg(j order by started_at, call_id)::text as json from (
        select started_at, call_id, ${COMPACT} as j from stored_call
        where ${callsWhere(filter)}${keyset} order by started_at, call_id limit ${SLICE}) s`);
    const slice = JSON.parse(rows[0]?.json ?? "null") as unknown[][] | null;
    if (!slice?.length) return out;
    for (const values of slice) out.push(recordOf(values));
    if (slice.length < SLICE) return out;
    const last = out[out.length - 1]!;
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
