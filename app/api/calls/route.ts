import { NDJSON_TYPE } from "@/lib/api/calls-stream";
import { callerKey } from "@/lib/server/caller-key";
import { answerStream, type Line } from "@/lib/server/calls-answer";
import { callsQueryOf } from "@/lib/server/calls-request";
import { getCallsService } from "@/lib/server/calls-service";
import { ndjsonResponse } from "@/lib/server/ndjson-response";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";

/**
 * Every call of a range (complete, deduplicated, sorted by Date), without RecordURLs. With
 * `Accept: application/x-ndjson`, the same answer streamed: progress, the calls as they are
 * read or fetched, a summary (lib/api/calls-stream.ts).
 */
export const GET = withApi(
  async (request, { principal, log }) => {
    const query = callsQueryOf(request);
    // the governor's fair share: one per person or token
    const owner = callerKey(request, principal);
    const service = getCallsService();
    if (request.headers.get("accept")?.includes(NDJSON_TYPE)) {
      const controller = new AbortController();
      const stop = () => controller.abort(request.signal.reason);
      if (request.signal.aborted) stop();
      else request.signal.addEventListener("abort", stop, { once: true });
      const lines = service.streamCalls(query, { signal: controller.signal, owner });
      // what fails before the first line (a refused account code, a bad range) keeps its status
      const first = await lines.next();
      return ndjsonResponse(prepend(first, lines), controller, log);
    }
    const { answer, source } = await service.getCalls(query, { signal: request.signal, owner });
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

async function* prepend(
  first: IteratorResult<Line>,
  rest: AsyncGenerator<Line>,
): AsyncGenerator<Line> {
  try {
    if (first.done) return;
    yield first.value;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}
