import type { ApiCall } from "@/lib/api/calls-response";

import type { FilterValues } from "./parsers";

/** Filters the upstream cannot apply, done in the browser over the loaded calls. */
export type LocalFilters = Pick<FilterValues, "status" | "minDur" | "maxDur">;

function hasLocalFilters(f: LocalFilters): boolean {
  return Boolean(f.status?.length) || f.minDur !== null || f.maxDur !== null;
}

export function filterCallsLocally(calls: readonly ApiCall[], f: LocalFilters): readonly ApiCall[] {
  if (!hasLocalFilters(f)) return calls;
  const statuses = f.status?.length ? new Set<string>(f.status) : null;
  const min = f.minDur ?? -Infinity;
  const max = f.maxDur ?? Infinity;
  return calls.filter((call) => {
    if (statuses && !statuses.has(call.DialStatus ?? "")) return false;
    const duration = call.Duration ?? 0;
    return duration >= min && duration <= max;
  });
}
