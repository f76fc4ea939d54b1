import "server-only";

import { sql, type SQL } from "drizzle-orm";

import { storedCall, storedCallRejection } from "@/lib/db/schema/call-store";
import { callsQueryToSearchParams, type CallsQuery } from "@/lib/view-state/calls-params";
import { extensionSpellings, phoneSpellings } from "@/lib/voicenter/matching";
import type { CdrQuery } from "@/lib/voicenter/request";

/**
 * What the store can filter by. The first group are upstream filters, answered exactly as
 * the upstream answers them (lib/voicenter/matching.ts); the second exist only in the
 * store (server-side figures and paged reads filter by them, issue 10). Ranges are
 * half-open, [from, to), epoch ms.
 */
export interface StoreFilter {
  from: number;
  to: number;
  /** Normalized numbers (as /api/calls parses them), matched in every upstream spelling. */
  phones?: readonly string[];
  extensions?: readonly string[];
  cdrTypes?: readonly number[];
  callId?: string;

  dialStatuses?: readonly string[];
  minDuration?: number;
  maxDuration?: number;
  representativeCodes?: readonly string[];
  queueNames?: readonly string[];
  dids?: readonly string[];
  hasRecording?: boolean;
}

export type StoreAnswerability =
  { ok: true; filter: StoreFilter; key: string } | { ok: false; reason: string };

/**
 * Whether the store can answer a `/api/calls` query: only filters whose values the records
 * carry. Queue and campaign ids are not in a record, and other scopes than the whole account
 * depend on the account's structure, so those queries go upstream.
 */
export function storeFilterOf(query: CallsQuery): StoreAnswerability {
  if (query.queueIds?.length) return { ok: false, reason: "queue ids are not in the records" };
  if (query.campaignIds?.length) {
    return { ok: false, reason: "campaign ids are not in the records" };
  }
  if (query.scope && query.scope.criteria !== "Account") {
    return { ok: false, reason: "the store holds the whole account's calls only" };
  }
  const filter: StoreFilter = { from: query.from, to: query.to };
  if (query.phones?.length) filter.phones = query.phones;
  if (query.extensions?.length) filter.extensions = query.extensions;
  if (query.cdrTypes?.length) filter.cdrTypes = query.cdrTypes;
  if (query.callId) filter.callId = query.callId;
  return { ok: true, filter, key: filterKey(filter) };
}

/**
 * The canonical text of a filter's upstream part ('' = the whole account): coverage of a
 * fetch made with these filters covers queries with exactly these filters.
 */
export function filterKey(filter: StoreFilter): string {
  const params = callsQueryToSearchParams({
    from: 0,
    to: 0,
    phones: filter.phones ? [...filter.phones] : undefined,
    extensions: filter.extensions ? [...filter.extensions] : undefined,
    cdrTypes: filter.cdrTypes ? ([...filter.cdrTypes] as CallsQuery["cdrTypes"]) : undefined,
    callId: filter.callId,
  });
  params.delete("from");
  params.delete("to");
  return params.toString();
}

/** The upstream query that fetches the calls of a filter's upstream part in a span. */
export function upstreamQueryOf(filter: StoreFilter, span: { from: number; to: number }): CdrQuery {
  return {
    from: span.from,
    to: span.to,
    phones: filter.phones ? [...filter.phones] : undefined,
    extensions: filter.extensions ? [...filter.extensions] : undefined,
    cdrTypes: filter.cdrTypes ? [...filter.cdrTypes] : undefined,
    callId: filter.callId,
  };
}

function list(values: readonly (string | number)[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

const textArray = (values: readonly string[]) => sql`array[${list(values)}]::text[]`;

/** An instant as a query parameter (ISO text, so both drivers read it alike). */
export const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** The filter as a WHERE condition on stored_call. */
export function callsWhere(filter: StoreFilter): SQL {
  const c = storedCall;
  const parts: SQL[] = [
    sql`${c.startedAt} >= ${at(filter.from)}`,
    sql`${c.startedAt} < ${at(filter.to)}`,
  ];
  if (filter.phones?.length)
    parts.push(sql`${c.numbers} && ${textArray(phoneSpellings(filter.phones))}`);
  if (filter.extensions?.length) {
    parts.push(sql`${c.extensions} && ${textArray(extensionSpellings(filter.extensions))}`);
  }
  if (filter.cdrTypes?.length) parts.push(sql`${c.cdrType} in (${list(filter.cdrTypes)})`);
  if (filter.callId) parts.push(sql`${c.callId} = ${filter.callId.trim()}`);
  if (filter.dialStatuses?.length)
    parts.push(sql`${c.dialStatus} in (${list(filter.dialStatuses)})`);
  if (filter.minDuration !== undefined) parts.push(sql`${c.duration} >= ${filter.minDuration}`);
  if (filter.maxDuration !== undefined) parts.push(sql`${c.duration} <= ${filter.maxDuration}`);
  if (filter.representativeCodes?.length) {
    parts.push(sql`${c.representativeCode} in (${list(filter.representativeCodes)})`);
  }
  if (filter.queueNames?.length) parts.push(sql`${c.queueName} in (${list(filter.queueNames)})`);
  if (filter.dids?.length) parts.push(sql`${c.did} in (${list(filter.dids)})`);
  if (filter.hasRecording !== undefined)
    parts.push(sql`${c.hasRecording} = ${filter.hasRecording}`);
  return sql.join(parts, sql` and `);
}

/**
 * The same filter on the unreadable records: a field that could not be read may hold the
 * matching value, so it counts as a match (the upstream, which filtered before sending,
 * would have counted it too if it matched). Filters only the store has are not applied.
 */
export function rejectionsWhere(filter: StoreFilter): SQL {
  const r = storedCallRejection;
  const parts: SQL[] = [sql`${r.at} >= ${at(filter.from)}`, sql`${r.at} < ${at(filter.to)}`];
  if (filter.phones?.length) {
    parts.push(
      sql`(${r.numbers} is null or ${r.numbers} && ${textArray(phoneSpellings(filter.phones))})`,
    );
  }
  if (filter.extensions?.length) {
    const spellings = textArray(extensionSpellings(filter.extensions));
    parts.push(sql`(${r.extensions} is null or ${r.extensions} && ${spellings})`);
  }
  if (filter.cdrTypes?.length) {
    parts.push(sql`(${r.cdrType} is null or ${r.cdrType} in (${list(filter.cdrTypes)}))`);
  }
  if (filter.callId)
    parts.push(sql`(${r.callId} is null or ${r.callId} = ${filter.callId.trim()})`);
  return sql.join(parts, sql` and `);
}
