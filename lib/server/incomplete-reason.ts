import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";

/** What a load that could not fetch every call says about it (fetch-all-calls.ts). */

export function describeFailure(error: unknown): string {
  if (isUpstreamError(error)) return error.message;
  return "an upstream request failed";
}

export function incompleteReason(loaded: number, expected: number, problems: string[]): string {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  const listed = [...counts].map(([problem, n]) => (n > 1 ? `${problem} (${n} times)` : problem));
  const shown = listed.slice(0, 3).join("; ");
  const more = listed.length > 3 ? `; and ${listed.length - 3} more problems` : "";
  const of = expected > loaded ? ` of about ${expected.toLocaleString("en-US")}` : "";
  return `Showing ${loaded.toLocaleString("en-US")}${of} calls, not all of them: ${shown}${more}.`;
}
