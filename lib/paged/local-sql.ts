import "server-only";

import { sql, type SQL } from "drizzle-orm";

import { matchAgent } from "@/lib/analytics/agent-match";
import { createLocalHourLocator } from "@/lib/analytics/heatmap";
import type { ApiCall } from "@/lib/api/calls-response";
import type { Database } from "@/lib/db/database";
import { callsWhere, type StoreFilter } from "@/lib/store/filter";
import type { LocalFilters } from "@/lib/view-state/local-filter";

import { QUARTER_MS } from "./quarters";

/**
 * The browser's local filters (lib/view-state/local-filter.ts, records mode) as SQL on the
 * stored calls, equal to them by construction: the plain ones are comparisons; the heatmap
 * cell and the agent are decided by the browser's own code — over the quarter hours of the
 * range (every zone's offset is a multiple of 15 minutes, so a quarter hour lies in one
 * local hour) and over the distinct agent fields the calls carry — and SQL keeps the calls
 * whose quarter hour or agent fields passed.
 */

type Reader = Pick<Database, "execute">;

/** A quarter hour of a call's start, as SQL and JavaScript number it. */
export const QUARTER_SQL = sql`floor(extract(epoch from started_at) / 900)::bigint`;

/** The fields agentOf and matchAgent read, as one JSON text per call (a pseudo-record). */
const AGENT_TUPLE = sql`jsonb_build_object('CdrType', cdr_type, 'Type', record->'Type',
  'RepresentativeCode', representative_code, 'RepresentativeName', representative_name,
  'UserName', user_name, 'CallerExtension', caller_extension,
  'TargetExtension', target_extension)::text`;

export interface PagedWhereInput {
  base: StoreFilter;
  filters: LocalFilters;
  timeZone: string;
}

function factConditions({ base, filters }: PagedWhereInput, timeZone: string): SQL[] {
  const parts: SQL[] = [callsWhere(base)];
  if (filters.status?.length) {
    parts.push(
      sql`coalesce(dial_status, '') in (${sql.join(
        filters.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (filters.minDur !== null) parts.push(sql`coalesce(duration, 0) >= ${filters.minDur}`);
  if (filters.maxDur !== null) parts.push(sql`coalesce(duration, 0) <= ${filters.maxDur}`);
  if (filters.queueName !== null) {
    parts.push(sql`queue_name = ${filters.queueName} and queue_name <> ''`);
  }
  if (filters.when) {
    const cell = filters.when.weekday * 24 + filters.when.hour;
    const locator = createLocalHourLocator({ from: base.from, to: base.to }, timeZone);
    const quarters: number[] = [];
    const first = Math.floor(base.from / QUARTER_MS);
    for (let q = first; q * QUARTER_MS < base.to; q++) {
      const at = Math.max(q * QUARTER_MS, base.from);
      if (locator.cellOf(at) === cell) quarters.push(q);
    }
    parts.push(
      quarters.length
        ? sql`${QUARTER_SQL} = any(${`{${quarters.join(",")}}`}::bigint[])`
        : sql`false`,
    );
  }
  return parts;
}

/**
 * The WHERE condition of the view's calls. The agent is matched as `filterCallsLocally`
 * matches it: with a directory learned from the calls that pass the other filters.
 */
export async function pagedWhere(db: Reader, input: PagedWhereInput): Promise<SQL> {
  const parts = factConditions(input, input.timeZone);
  const facts = sql.join(parts, sql` and `);
  if (input.filters.agent === null) return facts;
  const { rows } = await db.execute<{ tuple: string; n: number | bigint }>(sql`
    select ${AGENT_TUPLE} as tuple, count(*) as n from stored_call where ${facts} group by 1`);
  const expanded: ApiCall[] = [];
  const tuples = rows.map((row) => {
    const record = withoutNulls(JSON.parse(row.tuple) as Record<string, unknown>);
    for (let i = 0; i < Number(row.n); i++) expanded.push(record);
    return { text: row.tuple, record };
  });
  const match = matchAgent(expanded, input.filters.agent);
  const kept = tuples.filter((t) => match.record(t.record)).map((t) => t.text);
  if (kept.length === 0) return sql`false`;
  return sql`${facts} and ${AGENT_TUPLE} in (${sql.join(
    kept.map((t) => sql`${t}`),
    sql`, `,
  )})`;
}

/** JSON nulls as absent fields, as the browser's records have them. */
export function withoutNulls(value: Record<string, unknown>): ApiCall {
  const out: Record<string, unknown> = { CallID: "" };
  for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = v;
  return out as unknown as ApiCall;
}
