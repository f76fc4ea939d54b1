import * as z from "zod/mini";

import { ApiErrorCode } from "./error-codes";

/**
 * `/api/calls` as a stream (`Accept: application/x-ndjson`): one JSON object per line —
 * `progress` (how far the load has come), `calls` (a slice of calls, in the order they were
 * read or fetched), then exactly one `summary` (what the plain JSON answer says besides its
 * calls) or one `error` (the registry's code and a sentence). A stream that ends without
 * either was cut short. Pure and zod/mini: the browser decodes with it, the server encodes.
 */

export const NDJSON_TYPE = "application/x-ndjson";

const progressEventSchema = z.object({
  type: z.literal("progress"),
  /** Calls read or fetched so far. */
  loaded: z.number(),
  /** The calls the whole range holds, as far as known (0 until known). */
  expected: z.number(),
  windowsDone: z.number(),
  windowsPlanned: z.number(),
  upstreamRequests: z.number(),
});

/** What an answer says besides its calls: the plain answer's envelope, the stream's summary. */
export const answerSummaryShape = {
  total: z.number(),
  complete: z.boolean(),
  incompleteReason: z.optional(z.string()),
  upstreamTotal: z.optional(z.number()),
  upstreamRequests: z.number(),
  rejected: z.object({ count: z.number(), reasons: z.array(z.string()) }),
  mode: z.enum(["demo", "live"]),
  range: z.object({ from: z.string(), to: z.string() }),
};

const summaryEventSchema = z.object({ type: z.literal("summary"), ...answerSummaryShape });

const errorEventSchema = z.object({
  type: z.literal("error"),
  status: z.number(),
  error: z.object({ code: ApiErrorCode, message: z.string() }),
});

// Rows are checked by the reader's own loop (a per-row schema copies every row).
const callsEventSchema = z.object({ type: z.literal("calls"), calls: z.array(z.unknown()) });

/** One line of the stream (its `calls` are `/api/calls`' ApiCall objects). */
export const callsStreamEventSchema = z.discriminatedUnion("type", [
  progressEventSchema,
  callsEventSchema,
  summaryEventSchema,
  errorEventSchema,
]);

export type ProgressEvent = z.infer<typeof progressEventSchema>;
export type SummaryEvent = z.infer<typeof summaryEventSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
export type CallsEvent = z.infer<typeof callsEventSchema>;
export type CallsStreamEvent = z.infer<typeof callsStreamEventSchema>;

/** One event as its line (the calls of a `calls` event are written by the caller, see below). */
export function encodeEvent(event: Exclude<CallsStreamEvent, CallsEvent>): string {
  return `${JSON.stringify(event)}\n`;
}

/**
 * A `calls` line is written around JSON the server already holds (comma-separated call
 * objects, as the store writes them), so a slice is never parsed again to be sent.
 */
export const CALLS_LINE_START = '{"type":"calls","calls":[';
export const CALLS_LINE_END = "]}\n";

/** Why a stream could not be read: not the API's lines, or cut short. */
export class CallsStreamError extends Error {
  constructor(
    readonly kind: "unreadable" | "truncated",
    message: string,
  ) {
    super(message);
    this.name = "CallsStreamError";
  }
}

/**
 * The lines of a byte stream, as they complete. A large line arrives in many chunks: the
 * pieces are kept apart and joined once its newline is seen (searching a growing string
 * again and again would cost the square of its length).
 */
export async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pieces: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      let chunk = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline = chunk.indexOf("\n");
      while (newline !== -1) {
        pieces.push(chunk.slice(0, newline));
        const line = pieces.join("");
        pieces = [];
        if (line.trim() !== "") yield line;
        chunk = chunk.slice(newline + 1);
        newline = chunk.indexOf("\n");
      }
      if (chunk !== "") pieces.push(chunk);
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
  if (pieces.join("").trim() !== "")
    throw new CallsStreamError("truncated", "the answer was cut short in the middle of a line");
}

/**
 * The events of an `/api/calls` stream, checked. Ends with the summary or error event;
 * throws CallsStreamError when a line is not an event or the stream ends before either.
 */
export async function* readCallsEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<CallsStreamEvent> {
  let last: CallsStreamEvent | undefined;
  for await (const line of readLines(body)) {
    // the summary is the last line: the stream is read to its end (a body left unread is
    // aborted by the browser, which reports it as a failed request)
    if (last) throw new CallsStreamError("unreadable", "the answer goes on after its summary");
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CallsStreamError("unreadable", "a line of the answer is not JSON");
    }
    const parsed = callsStreamEventSchema.safeParse(value);
    if (!parsed.success)
      throw new CallsStreamError("unreadable", "a line of the answer is not a calls event");
    if (parsed.data.type === "summary" || parsed.data.type === "error") last = parsed.data;
    else yield parsed.data;
  }
  if (!last) throw new CallsStreamError("truncated", "the answer ended before its summary");
  yield last;
}
