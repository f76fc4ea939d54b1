import type { CallsResponse } from "@/lib/api-call";
import { parseCallsParams } from "@/lib/calls-query";
import { badParameterResponse, errorToResponse } from "@/lib/server/api-errors";
import { getCallsService } from "@/lib/server/calls-service";
import { getUpstream } from "@/lib/server/upstream";

export const dynamic = "force-dynamic";

// A cached answer is written to JSON once, not once per viewer: 50 viewers of one URL
// would otherwise each wait for the others' serialisation of the same megabytes.
// Kept as UTF-8 bytes, so a hit is not re-encoded either.
const bodies = new WeakMap<CallsResponse, Uint8Array<ArrayBuffer>>();
const encoder = new TextEncoder();
function serialized(response: CallsResponse): Uint8Array<ArrayBuffer> {
  let body = bodies.get(response);
  if (body === undefined) {
    body = encoder.encode(JSON.stringify(response));
    bodies.set(response, body);
  }
  return body;
}
export const runtime = "nodejs";

/** Every call of a range (complete, deduplicated, sorted by Date), without RecordURLs. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseCallsParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badParameterResponse(parsed.param, parsed.message);
  try {
    const { response, source } = await getCallsService().getCalls(parsed.query, {
      signal: request.signal,
    });
    return new Response(serialized(response), {
      headers: {
        "content-type": "application/json",
        "cache-control": "private, no-store",
        "x-callboard-cache": source,
      },
    });
  } catch (error) {
    return errorToResponse(error, {
      log: (message) => console.error(message),
      secrets: [getUpstream().code],
    });
  }
}
