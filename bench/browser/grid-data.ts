import { syntheticCalls } from "@/bench/synthetic-calls";
import type { ApiCall } from "@/lib/api/calls-response";

/** The rows, zone and text filter both grid pages share. */

export const ROWS = 100_000;
export const TIME_ZONE = "Asia/Jerusalem";

const params = new URLSearchParams(location.search);
/** `?data=sim`: the simulator's records (linked legs, transfers), fetched before timing. */
export const SIMULATED = params.get("data") === "sim";
/** `?rows=conversations` (our page): one row per conversation, legs beneath. */
export const CONVERSATIONS = params.get("rows") === "conversations";

/** Made or fetched at page load, before any timing starts. */
export async function loadBenchCalls(): Promise<readonly ApiCall[]> {
  if (!SIMULATED) return syntheticCalls(ROWS, { seed: 7 });
  const response = await fetch("/records.json");
  return (await response.json()) as ApiCall[];
}

/** The fields the text filter looks in (AG Grid's quick filter is limited to the same). */
export const FILTER_FIELDS = [
  "Type",
  "DialStatus",
  "CallerNumber",
  "TargetNumber",
  "TargetExtension",
  "RepresentativeName",
  "QueueName",
] as const satisfies readonly (keyof ApiCall)[];

/** Whether a call's filter fields contain the (lower-case, trimmed) needle. */
function matchesText(call: ApiCall, needle: string): boolean {
  return FILTER_FIELDS.some((field) => call[field]?.toLowerCase().includes(needle) ?? false);
}

/** Calls whose filter fields contain `text`, case-insensitively (what our page re-renders). */
export function filterByText(calls: readonly ApiCall[], text: string): readonly ApiCall[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return calls;
  return calls.filter((call) => matchesText(call, needle));
}
