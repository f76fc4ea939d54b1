import { callerKey } from "@/lib/server/caller-key";
import { callsQueryOf } from "@/lib/server/calls-request";
import { answerStream, getCallsService } from "@/lib/server/calls-service";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/** Every call of a range (complete, deduplicated, sorted by Date), without RecordURLs. */
export const GET = withApi(
  async (request, { principal }) => {
    const { answer, source } = await getCallsService().getCalls(callsQueryOf(request), {
      signal: request.signal,
      // the governor's fair share: one per person or token
      owner: callerKey(request, principal),
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
