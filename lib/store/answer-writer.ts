import "server-only";

import { toApiCall, type CallsResponse } from "@/lib/api/calls-response";
import type { FetchAllResult } from "@/lib/server/fetch-all-calls";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import type { Call } from "@/lib/voicenter/call";
import type { FieldName } from "@/lib/voicenter/fields";
import { addRejected, emptyRejected, type RejectedRecords } from "@/lib/voicenter/response";

import type { Span } from "./spans";

/** Pieces of a store answer: the range cut at the gaps, and the JSON written in slices. */

const encoder = new TextEncoder();
const CALLS_PER_CHUNK = 2_000;

/**
 * Many small holes (a dense second here, a failed window there) are fetched as one span:
 * the requests depend on the calls, not on how many pieces they are asked in.
 */
export function fewerGaps(open: Span[]): Span[] {
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length <= 3 || !first || !last) return open;
  return [{ from: first.from, to: last.to }];
}

/** The range cut at the gaps' edges: covered stretches and gaps, in time order. */
export function segments(range: Span, open: readonly Span[]): (Span & { gap?: Span })[] {
  const out: (Span & { gap?: Span })[] = [];
  let at = range.from;
  for (const gap of [...open].sort((a, b) => a.from - b.from)) {
    if (gap.from > at) out.push({ from: at, to: gap.from });
    out.push({ from: gap.from, to: gap.to, gap });
    at = gap.to;
  }
  if (range.to > at) out.push({ from: at, to: range.to });
  return out;
}

/** Comma-separated `/api/calls` objects of fetched calls, CALLS_PER_CHUNK at a time. */
export function* apiCallSlices(
  calls: readonly Call[],
  fields: readonly FieldName[],
): Generator<{ json: string; count: number }> {
  for (let i = 0; i < calls.length; i += CALLS_PER_CHUNK) {
    const slice = calls.slice(i, i + CALLS_PER_CHUNK);
    yield {
      json: slice.map((call) => JSON.stringify(toApiCall(call, fields))).join(","),
      count: slice.length,
    };
  }
}

/** The `/api/calls` JSON as UTF-8 slices: store slices as they are, fetched calls shaped as toApiCall does. */
export function createAnswerWriter() {
  const body: Uint8Array<ArrayBuffer>[] = [encoder.encode('{"calls":[')];
  let count = 0;
  const push = (json: string, n: number) => {
    if (n === 0) return;
    body.push(encoder.encode((count === 0 ? "" : ",") + json));
    count += n;
  };
  return {
    json: push,
    calls(calls: readonly Call[], fields: readonly FieldName[]) {
      for (const slice of apiCallSlices(calls, fields)) push(slice.json, slice.count);
    },
    count: () => count,
    finish(rest: Omit<CallsResponse, "calls">) {
      body.push(encoder.encode(`],${JSON.stringify(rest).slice(1)}`));
      return body;
    },
  };
}

/** What an answer says besides its calls, added up over its parts. */
export function createTotals() {
  const rejected = emptyRejected();
  let requests = 0;
  let complete = true;
  let upstreamTotal = 0;
  const reasons: string[] = [];
  return {
    stored(part: RejectedRecords) {
      addRejected(rejected, part);
    },
    fetched(result: FetchAllResult) {
      addRejected(rejected, result.rejected);
      requests += result.upstreamRequests;
      if (!result.complete) {
        complete = false;
        if (result.incompleteReason) reasons.push(result.incompleteReason);
        upstreamTotal += result.upstreamTotal ?? result.calls.length;
      }
    },
    summary(count: number, query: CallsQuery, mode: "demo" | "live"): Omit<CallsResponse, "calls"> {
      return {
        total: count,
        complete,
        ...(complete
          ? {}
          : {
              incompleteReason:
                reasons.join(" ") || "Not every call of the range could be fetched.",
              upstreamTotal: Math.max(count, upstreamTotal),
            }),
        upstreamRequests: requests,
        rejected,
        mode,
        range: { from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString() },
      };
    },
  };
}
