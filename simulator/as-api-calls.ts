import { toApiCall, type ApiCall } from "../lib/api-call";
import { readCall } from "../lib/voicenter/call";
import { FIELD_NAMES } from "../lib/voicenter/fields";
import { generateDay, type GeneratorOptions } from "./generate-day";
import { projectCall } from "./query";
import type { SimCall } from "./sim-call";

/**
 * Generated calls as `/api/calls` hands them to the browser (every field, read by the
 * contract), without HTTP: for tests and benchmarks of what the browser computes.
 */
function asApiCalls(calls: readonly SimCall[]): ApiCall[] {
  return calls.map((call) => {
    const read = readCall(projectCall(call, FIELD_NAMES, "http://simulator"));
    if (!read.ok) throw new Error(`simulator wrote an unreadable record: ${read.reason}`);
    return toApiCall(read.call, FIELD_NAMES);
  });
}

/** `days` UTC days of calls from `firstDay` (days since the epoch), as ApiCalls. */
export function simulatedApiCalls(
  options: GeneratorOptions,
  firstDay: number,
  days: number,
): ApiCall[] {
  const calls: SimCall[] = [];
  for (let day = firstDay; day < firstDay + days; day++) calls.push(...generateDay(options, day));
  return asApiCalls(calls);
}
