import type { ApiCall } from "@/lib/api/calls-response";

import { originalIdOf } from "./records";

/**
 * Index of call groups: every record that shares an OriginalIvrUniqueID, or whose CallID is
 * another record's OriginalIvrUniqueID, belongs to one group. Built once per loaded list.
 */
export function buildLegIndex(calls: readonly ApiCall[]): Map<string, ApiCall[]> {
  const groups = new Map<string, ApiCall[]>();
  for (const call of calls) {
    const key = originalIdOf(call);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  for (const call of calls) {
    const group = groups.get(call.CallID);
    if (group && !group.includes(call)) group.push(call);
  }
  return groups;
}

/** The other legs of a call, in time order. */
export function otherLegs(call: ApiCall, index: Map<string, ApiCall[]>): ApiCall[] {
  const group = index.get(originalIdOf(call) ?? call.CallID) ?? [];
  return group
    .filter((leg) => leg.CallID !== call.CallID)
    .sort((a, b) => (a.Date ?? "").localeCompare(b.Date ?? ""));
}
