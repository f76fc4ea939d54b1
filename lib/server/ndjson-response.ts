import "server-only";

import { NDJSON_TYPE } from "@/lib/api/calls-stream";

import { toApiError } from "./api-error";
import { eventLine, type Line } from "./calls-answer";
import type { ServerLog } from "./log";

/**
 * An NDJSON response over lines made as they are read: each `pull` asks for the next line,
 * so a slow reader slows the producer instead of filling memory. A reader that goes away
 * (the stream cancelled, or the request aborted) aborts `controller`, which the producer
 * listens to; a failure after the headers went out is written as the stream's last line,
 * an `error` event with the registry's code.
 */
export function ndjsonResponse(
  lines: AsyncGenerator<Line>,
  controller: AbortController,
  log: ServerLog,
  headers: Record<string, string> = {},
): Response {
  const body = new ReadableStream<Uint8Array>({
    async pull(stream) {
      try {
        const next = await lines.next();
        if (next.done) stream.close();
        else stream.enqueue(next.value);
      } catch (error) {
        if (controller.signal.aborted) {
          stream.close();
          return;
        }
        const known = toApiError(error, log);
        stream.enqueue(
          eventLine({
            type: "error",
            status: known.status,
            error: { code: known.code, message: known.message },
          }),
        );
        stream.close();
      }
    },
    async cancel(reason) {
      controller.abort(reason ?? new Error("the reader went away"));
      await lines.return(undefined).catch(() => undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": `${NDJSON_TYPE}; charset=utf-8`,
      "cache-control": "private, no-store",
      // no buffering by a reverse proxy: the first lines are the point
      "x-accel-buffering": "no",
      ...headers,
    },
  });
}
