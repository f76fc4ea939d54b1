import "server-only";

import { badParameter } from "@/lib/server/api-error";
import { DAY_MS } from "@/lib/time/units";

/** The longest range whose work one request reads (a year and a month, as the store keeps). */
const MAX_RANGE_DAYS = 400;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantParam(params: URLSearchParams, name: string): Date {
  const raw = params.get(name);
  if (raw === null || raw === "")
    throw badParameter(name, "is required: an instant with an offset");
  const at = INSTANT.test(raw) ? new Date(raw) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw badParameter(name, "must be an instant with an offset, such as 2024-06-01T00:00:00Z");
  }
  return at;
}

/** `from` and `to` of GET /api/callbacks/work: instants, `to` after `from`, at most 400 days. */
export function parseWorkRange(params: URLSearchParams): { from: Date; to: Date } {
  const from = instantParam(params, "from");
  const to = instantParam(params, "to");
  if (to <= from) throw badParameter("to", "must be after from");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw badParameter("to", `must be at most ${MAX_RANGE_DAYS} days after from`);
  }
  return { from, to };
}
