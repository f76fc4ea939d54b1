import "server-only";

import { sql, type SQL } from "drizzle-orm";

import type { Database } from "@/lib/db/database";

import { callsWhere, type StoreFilter } from "./filter";

/**
 * Figures computed in the database over the stored calls of a filter — the building block
 * for server-side KPIs and charts beyond the browser's threshold (issue 10): counts and sums
 * grouped by any of a fixed set of keys, time buckets in a viewer's time zone included.
 */

export const GROUP_KEYS = {
  DialStatus: "dial_status",
  CdrType: "cdr_type",
  RepresentativeCode: "representative_code",
  RepresentativeName: "representative_name",
  QueueName: "queue_name",
  DID: "did",
  TargetExtension: "target_extension",
  CallerExtension: "caller_extension",
  DepartmentId: "department_id",
  HasRecording: "has_recording",
} as const;
export type GroupKey = keyof typeof GROUP_KEYS | "hour" | "day" | "weekday" | "hourOfDay";

export interface FigureRow {
  /** One value per group key, in the order asked (time buckets as ISO text in the zone). */
  keys: (string | number | boolean | null)[];
  calls: number;
  /** Seconds of talk time (calls without a duration count as none). */
  duration: number;
  ringTime: number;
  /** Agorot. */
  price: number;
  answered: number;
  withRecording: number;
}

function keyExpression(key: GroupKey, timeZone: string): SQL {
  const local = sql`(started_at at time zone ${timeZone})`;
  switch (key) {
    case "hour":
      return sql`to_char(date_trunc('hour', ${local}), 'YYYY-MM-DD"T"HH24:00')`;
    case "day":
      return sql`to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`;
    case "weekday":
      // 0 = Sunday, as Date.getDay
      return sql`extract(dow from ${local})::int`;
    case "hourOfDay":
      return sql`extract(hour from ${local})::int`;
    default:
      return sql.raw(GROUP_KEYS[key]);
  }
}

export interface FigureOptions {
  groupBy: readonly GroupKey[];
  /** IANA zone for the time buckets (the viewer's). */
  timeZone?: string;
}

/** Counts and sums of the filter's calls, grouped by the given keys (none: one total row). */
export async function aggregateCalls(
  db: Pick<Database, "execute">,
  filter: StoreFilter,
  options: FigureOptions,
): Promise<FigureRow[]> {
  const zone = options.timeZone ?? "UTC";
  const keys = options.groupBy.map(
    (key, i) => sql`${keyExpression(key, zone)} as ${sql.raw(`k${i}`)}`,
  );
  const keyList = keys.length ? sql`${sql.join(keys, sql`, `)}, ` : sql``;
  const groupBy = keys.length
    ? sql` group by ${sql.raw(options.groupBy.map((_, i) => String(i + 1)).join(", "))} order by ${sql.raw(options.groupBy.map((_, i) => String(i + 1)).join(", "))}`
    : sql``;
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    select ${keyList}count(*)::float8 as calls,
      coalesce(sum(duration), 0)::float8 as duration,
      coalesce(sum(ring_time), 0)::float8 as ring_time,
      coalesce(sum(price), 0)::float8 as price,
      count(*) filter (where dial_status = 'ANSWER')::float8 as answered,
      count(*) filter (where has_recording)::float8 as with_recording
    from stored_call where ${callsWhere(filter)}${groupBy}`);
  return rows.map((row) => ({
    keys: options.groupBy.map((_, i) => row[`k${i}`] as FigureRow["keys"][number]),
    calls: Number(row.calls),
    duration: Number(row.duration),
    ringTime: Number(row.ring_time),
    price: Number(row.price),
    answered: Number(row.answered),
    withRecording: Number(row.with_recording),
  }));
}
