import type { ApiCall } from "@/lib/api/calls-response";
import type { SortKeys } from "@/lib/table/columns";
import { sortCalls, type ColumnSort } from "@/lib/table/sort";

/**
 * The recordings in the order the table lists them, for the player's previous/next: each
 * recorded row, and for a conversation's row its recorded legs (the row's own leg first, then
 * the others in time order), so "next" walks a conversation's recordings before the next one.
 */
export function recordedStops(
  rows: readonly ApiCall[],
  legsOf: (row: ApiCall) => readonly ApiCall[] | undefined,
): string[] {
  const stops: string[] = [];
  for (const row of rows) {
    if (!row.HasRecording) continue;
    const legs = legsOf(row);
    if (!legs) {
      stops.push(row.CallID);
      continue;
    }
    const own = legs.find((leg) => leg.CallID === row.CallID && leg.HasRecording);
    if (own) stops.push(own.CallID);
    for (const leg of legs) if (leg.HasRecording && leg !== own) stops.push(leg.CallID);
  }
  return stops;
}

/**
 * The recordings of the rows as the table lists them — sorted as the view says — for the
 * drawer's previous/next and the review queue, so both walk the same order.
 */
export function listedRecordings(
  rows: readonly ApiCall[],
  legsOf: (row: ApiCall) => readonly ApiCall[] | undefined,
  sorting: readonly ColumnSort[],
  keys: SortKeys,
  locale: string,
): string[] {
  return recordedStops(
    sortCalls(
      rows.filter((c) => c.HasRecording),
      sorting,
      keys,
      locale,
    ),
    legsOf,
  );
}
