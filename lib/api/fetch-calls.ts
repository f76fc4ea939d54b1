import * as z from "zod/mini";

import type { ApiCall, CallsResponse } from "@/lib/api/calls-response";
import { apiErrorEnvelopeSchema, type ApiErrorCode } from "@/lib/api/error-codes";

import {
  answerSummaryShape,
  CallsStreamError,
  NDJSON_TYPE,
  readCallsEvents,
  type ProgressEvent,
} from "./calls-stream";

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
const responseSchema = z.object({ calls: z.array(z.unknown()), ...answerSummaryShape });

async function request(search: string, accept: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api/calls?${search}`, { signal, headers: { accept } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CallsRequestError("network", "Callboard's server could not be reached.", 0);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    throw envelope.success
      ? new CallsRequestError(
          envelope.data.error.code,
          envelope.data.error.message,
          response.status,
        )
      : new CallsRequestError("http", `HTTP ${response.status}`, response.status);
  }
  return response;
}

const unreadable = (status: number) =>
  new CallsRequestError("bad_response", "Callboard's server sent an unreadable answer.", status);

function readJson(body: unknown, status: number): CallsResponse {
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) throw unreadable(status);
  const { calls, ...envelope } = parsed.data;
  if (!calls.every(isApiCallShaped)) throw unreadable(status);
  return { ...envelope, calls };
}

export async function fetchCalls(search: string, signal?: AbortSignal): Promise<CallsResponse> {
  const response = await request(search, "application/json", signal);
  const body: unknown = await response.json().catch(() => undefined);
  return readJson(body, response.status);
}

export type LoadProgress = Omit<ProgressEvent, "type">;

export interface StreamHandlers {
  onProgress?: (progress: LoadProgress) => void;
  /** The calls so far (the same array, grown), after each slice; the next is read once it settles. */
  onCalls?: (calls: readonly ApiCall[]) => void | Promise<void>;
}

/** `/api/calls`'s order: Date, then CallID (as the plain answer and the store sort). */
export function byDateThenId(a: ApiCall, b: ApiCall): number {
  const da = a.Date ?? "";
  const db = b.Date ?? "";
  if (da !== db) return da < db ? -1 : 1;
  return a.CallID < b.CallID ? -1 : a.CallID > b.CallID ? 1 : 0;
}

/**
 * The calls of a view streamed (lib/api/calls-stream.ts): each slice is handed on as it
 * arrives, so the page paints its first rows long before the last; the answer is the
 * plain one's (sorted as it is sorted). A stream cut short or an error line is thrown as a
 * CallsRequestError with its code; what arrived before stays with `onCalls`' caller.
 */
export async function fetchCallsStreamed(
  search: string,
  signal: AbortSignal | undefined,
  handlers: StreamHandlers = {},
): Promise<CallsResponse> {
  const response = await request(search, `${NDJSON_TYPE}, application/json;q=0.5`, signal);
  const status = response.status;
  if (!response.headers.get("content-type")?.includes(NDJSON_TYPE) || !response.body) {
    // a server (or a proxy) that answers in one piece
    return readJson(await response.json().catch(() => undefined), status);
  }
  const calls: ApiCall[] = [];
  let sorted = true;
  try {
    for await (const event of readCallsEvents(response.body)) {
      switch (event.type) {
        case "progress": {
          const { type: _type, ...progress } = event;
          handlers.onProgress?.(progress);
          break;
        }
        case "calls": {
          const slice = event.calls;
          if (!slice.every(isApiCallShaped)) throw unreadable(status);
          for (const call of slice) {
            const last = calls[calls.length - 1];
            if (sorted && last && byDateThenId(last, call) > 0) sorted = false;
            calls.push(call);
          }
          await handlers.onCalls?.(calls);
          break;
        }
        case "error":
          throw new CallsRequestError(event.error.code, event.error.message, event.status);
        case "summary": {
          const { type: _type, ...summary } = event;
          // parts (stored, fetched) come in their own order: the answer is in one
          if (!sorted) calls.sort(byDateThenId);
          return { ...summary, calls };
        }
      }
    }
  } catch (error) {
    if (error instanceof CallsRequestError || signal?.aborted) throw error;
    if (error instanceof CallsStreamError)
      throw new CallsRequestError(
        "bad_response",
        `Callboard's answer was unreadable: ${error.message}.`,
        status,
      );
    throw new CallsRequestError("network", "The connection to Callboard's server broke.", 0);
  }
  throw unreadable(status);
}

export function isApiCallShaped(row: unknown): row is ApiCall {
  return (
    typeof row === "object" &&
    row !== null &&
    typeof (row as { CallID?: unknown }).CallID === "string" &&
    typeof (row as { HasRecording?: unknown }).HasRecording === "boolean"
  );
}
