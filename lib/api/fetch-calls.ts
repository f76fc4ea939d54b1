import * as z from "zod/mini";

import type { ApiCall, CallsResponse } from "@/lib/api/calls-response";
import { apiErrorEnvelopeSchema, type ApiErrorCode } from "@/lib/api/error-codes";

/** The browser's own failures: the server unreachable, or an answer that is not the API's. */
export type ClientErrorCode = "network" | "http" | "bad_response";

/** An error `/api/calls` answered with (its envelope), or a failure to reach it. */
export class CallsRequestError extends Error {
  constructor(
    readonly code: ApiErrorCode | ClientErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "CallsRequestError";
  }
}

// The envelope is checked by the schema; each of up to 100,000 rows only for what the page
// relies on, in a loop that copies nothing (a per-row schema copies every row: ~10 µs each).
// The server already normalized them.
const responseSchema = z.object({
  calls: z.array(z.unknown()),
  total: z.number(),
  complete: z.boolean(),
  incompleteReason: z.optional(z.string()),
  upstreamTotal: z.optional(z.number()),
  upstreamRequests: z.number(),
  rejected: z.object({ count: z.number(), reasons: z.array(z.string()) }),
  mode: z.enum(["demo", "live"]),
  range: z.object({ from: z.string(), to: z.string() }),
});

export async function fetchCalls(search: string, signal?: AbortSignal): Promise<CallsResponse> {
  let response: Response;
  try {
    response = await fetch(`/api/calls?${search}`, {
      signal,
      headers: { accept: "application/json" },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CallsRequestError("network", "Callboard's server could not be reached.", 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    throw envelope.success
      ? new CallsRequestError(
          envelope.data.error.code,
          envelope.data.error.message,
          response.status,
        )
      : new CallsRequestError("http", `HTTP ${response.status}`, response.status);
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success)
    throw new CallsRequestError(
      "bad_response",
      "Callboard's server sent an unreadable answer.",
      response.status,
    );
  const { calls, ...envelope } = parsed.data;
  if (!calls.every(isApiCallShaped)) {
    throw new CallsRequestError(
      "bad_response",
      "Callboard's server sent an unreadable answer.",
      response.status,
    );
  }
  return { ...envelope, calls };
}

function isApiCallShaped(row: unknown): row is ApiCall {
  return (
    typeof row === "object" &&
    row !== null &&
    typeof (row as { CallID?: unknown }).CallID === "string" &&
    typeof (row as { HasRecording?: unknown }).HasRecording === "boolean"
  );
}
