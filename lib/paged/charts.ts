import "server-only";

import { sql, type SQL } from "drizzle-orm";

import { callVolume, type CallVolume, type TimeRange } from "@/lib/analytics/buckets";
import {
  DURATION_BINS,
  durationHistogram,
  type DurationHistogram,
} from "@/lib/analytics/histogram";
import { countByStatus, type StatusCount } from "@/lib/analytics/status-counts";
import type { ApiCall } from "@/lib/api/calls-response";
import type { Database } from "@/lib/db/database";
import { callsWhere } from "@/lib/store/filter";
import { filterCallsLocally, type LocalFilters } from "@/lib/view-state/local-filter";

import { QUARTER_SQL } from "./local-sql";
import { QUARTER_MS, quarterCounts, quarterSplit, type QuarterCount } from "./quarters";

/**
 * The charts of the paged view (volume by outcome over time, status counts, talk-time
 * histogram), computed by the browser's own functions over the database's counts: the calls
 * grouped by quarter hour, status and talk-time bin stand in for themselves — a quarter hour
 * lies in one local hour and day in any zone, a bin in one bin — so the figures are those
 * the browser draws over the same records.
 */

export interface ChartFigures {
  volume: CallVolume;
  statuses: StatusCount[];
  histogram: DurationHistogram;
}

function binSql(): SQL {
  const cases = DURATION_BINS.map((bin, i) =>
    bin.toSeconds === null
      ? sql`when duration >= ${bin.fromSeconds} then ${i}`
      : sql`when duration >= ${bin.fromSeconds} and duration < ${bin.toSeconds} then ${i}`,
  );
  return sql`(case ${sql.join(cases, sql` `)} else 0 end)`;
}

/** The counts of the calls `where` selects, by quarter hour, status and talk-time bin. */
async function countsWhere(db: Pick<Database, "execute">, where: SQL): Promise<QuarterCount[]> {
  const { rows } = await db.execute<QuarterCount>(sql`
    select ${QUARTER_SQL} as q, dial_status as status,
      case when duration is null then null else ${binSql()} end as bin, count(*) as n
    from stored_call where ${where} group by 1, 2, 3`);
  return rows;
}

/**
 * The charts of counted calls: one call stands for each count (at its quarter hour's start,
 * or the range's start in the first, partial one; with its status and its bin's start as
 * talk time), weighted by the count.
 */
function figuresOfCounts(
  counts: readonly QuarterCount[],
  options: { timeZone: string; range: TimeRange },
): ChartFigures {
  const from = Math.ceil(options.range.from / 1000) * 1000;
  const stand: ApiCall[] = [];
  const weights = new Float64Array(counts.length);
  for (const row of counts) {
    const at = Math.max(Number(row.q) * QUARTER_MS, from);
    const call: ApiCall = {
      CallID: "",
      HasRecording: false,
      Date: new Date(at).toISOString().replace(".000Z", "Z"),
    };
    if (row.status !== null && row.status !== "") call.DialStatus = row.status;
    if (row.bin !== null) call.Duration = DURATION_BINS[Number(row.bin)]?.fromSeconds ?? 0;
    weights[stand.length] = Number(row.n);
    stand.push(call);
  }
  return {
    volume: callVolume(stand, options, weights),
    statuses: countByStatus(stand, weights),
    histogram: durationHistogram(stand, weights),
  };
}

export async function computeChartFigures(
  db: Pick<Database, "execute">,
  where: SQL,
  options: { timeZone: string; range: TimeRange },
): Promise<ChartFigures> {
  return figuresOfCounts(await countsWhere(db, where), options);
}

/**
 * The charts of a whole-account range, from the stored quarter-hour counts of its whole
 * quarter hours and the rows of the partial ones at its ends (lib/paged/quarters.ts).
 */
export async function computeRangeChartFigures(
  db: Pick<Database, "execute">,
  options: { timeZone: string; range: TimeRange },
): Promise<ChartFigures> {
  const { first, end, edges } = quarterSplit(options.range);
  const parts = await Promise.all([
    quarterCounts(db, first, end),
    ...edges.map((edge) => countsWhere(db, callsWhere(edge))),
  ]);
  return figuresOfCounts(parts.flat(), options);
}

/**
 * The same charts from records in memory (the range's kept records, record-sets.ts): the
 * browser's own filter and functions, cheaper than the database's scan once they are read.
 */
export function chartFiguresOf(
  calls: readonly ApiCall[],
  filters: LocalFilters,
  options: { timeZone: string; range: TimeRange },
): ChartFigures & { records: number } {
  const kept = filterCallsLocally(calls, filters, options);
  return {
    records: kept.length,
    volume: callVolume(kept, options),
    statuses: countByStatus(kept),
    histogram: durationHistogram(kept),
  };
}
