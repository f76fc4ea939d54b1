import { NDJSON_TYPE, readCallsEvents, type CallsStreamEvent } from "@/lib/api/calls-stream";

import { authorized } from "./live-token";

/**
 * `/api/calls` streamed, as the route tests call it: a request asking for NDJSON with the
 * live token, and a reader of its events that can stop (cancel) part-way.
 */

export function streamRequest(search: string, signal?: AbortSignal): Request {
  return new Request(
    `http://localhost/api/calls?${search}`,
    authorized({ headers: { accept: NDJSON_TYPE }, signal }),
  );
}

export async function readAllEvents(response: Response): Promise<CallsStreamEvent[]> {
  if (!response.body) throw new Error("no body");
  const out: CallsStreamEvent[] = [];
  for await (const event of readCallsEvents(response.body)) out.push(event);
  return out;
}

/** The CallIDs of a stream's calls events, in the order they came. */
export function streamedIds(events: readonly CallsStreamEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === "calls" ? e.calls.map((c) => (c as { CallID: string }).CallID) : [],
  );
}
