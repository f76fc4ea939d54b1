import { syntheticCalls } from "@/bench/synthetic-calls";
import type { ApiCall } from "@/lib/api/calls-response";

/** The rows, zone and text filter both grid pages share. */

export const ROWS = 100_000;
export const TIME_ZONE = "Asia/Jerusalem";

/** Generated at page load, before any timing starts. */
export const benchCalls: readonly ApiCall[] = syntheticCalls(ROWS, { seed: 7 });

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

/** Calls whose filter fields contain `text`, case-insensitively (what our page re-renders). */
export function filterByText(calls: readonly ApiCall[], text: string): readonly ApiCall[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return calls;
  return calls.filter((call) =>
    FILTER_FIELDS.some((field) => call[field]?.toLowerCase().includes(needle) ?? false),
  );
}
