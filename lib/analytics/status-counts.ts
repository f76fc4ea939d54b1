import type { ApiCall } from "@/lib/api/calls-response";
import {
  DIAL_STATUS_NAMES,
  isDialStatus,
  outcomeOf,
  type CallOutcome,
  type DialStatus,
} from "@/lib/voicenter/dial-statuses";

export type StatusCount =
  | { known: true; status: DialStatus; outcome: CallOutcome; count: number }
  /** A status the contract does not list (the upstream may add some), or "" when none came back. */
  | { known: false; status: string; outcome: CallOutcome; count: number };

/**
 * Calls by DialStatus: every status of the contract in its order (zero counts included,
 * so a chart can choose what to hide), then unknown statuses by count, then calls
 * without a status ("") if any.
 */
export function countByStatus(
  calls: readonly ApiCall[],
  /** How many calls each entry stands for (as callVolume's); 1 each without. */
  weights?: ArrayLike<number>,
): StatusCount[] {
  const counts = new Map<string, number>();
  for (let c = 0; c < calls.length; c++) {
    const status = calls[c]!.DialStatus ?? "";
    counts.set(status, (counts.get(status) ?? 0) + (weights ? weights[c]! : 1));
  }
  const result: StatusCount[] = DIAL_STATUS_NAMES.map((status) => ({
    known: true,
    status,
    outcome: outcomeOf(status),
    count: counts.get(status) ?? 0,
  }));
  const unknown: StatusCount[] = [];
  for (const [status, count] of counts) {
    if (status !== "" && !isDialStatus(status)) {
      unknown.push({ known: false, status, outcome: outcomeOf(status), count });
    }
  }
  unknown.sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  result.push(...unknown);
  const missing = counts.get("");
  if (missing)
    result.push({ known: false, status: "", outcome: outcomeOf(undefined), count: missing });
  return result;
}
