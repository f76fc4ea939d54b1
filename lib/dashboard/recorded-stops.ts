import type { ApiCall } from "@/lib/api/calls-response";

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
