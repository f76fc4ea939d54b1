import { callsQueryOf } from "@/lib/server/calls-request";
import { answerStream, getCallsService } from "@/lib/server/calls-service";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/** Every call of a range (complete, deduplicated, sorted by Date), without RecordURLs. */
export const GET = withApi(
  async (request) => {
    const { answer, source } = await getCallsService().getCalls(callsQueryOf(request), {
      signal: request.signal,
    });
    return new Response(answerStream(answer), {
      headers: {
        "content-type": "application/json",
        "cache-control": "private, no-store",
        "x-callboard-cache": source,
      },
    });
  },
  { permission: "calls.view" },
);
