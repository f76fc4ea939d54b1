import { badParameterResponse, errorToResponse } from "@/lib/server/api-errors";
import { answerStream, getCallsService } from "@/lib/server/calls-service";
import { getUpstream } from "@/lib/server/upstream";
import { parseCallsParams } from "@/lib/view-state/calls-params";

export const dynamic = "force-dynamic";

/** Every call of a range (complete, deduplicated, sorted by Date), without RecordURLs. */
export async function GET(request: Request): Promise<Response> {
  const parsed = parseCallsParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badParameterResponse(parsed.param, parsed.message);
  try {
    const { answer, source } = await getCallsService().getCalls(parsed.query, {
      signal: request.signal,
    });
    return new Response(answerStream(answer), {
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
