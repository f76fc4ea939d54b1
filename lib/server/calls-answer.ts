import "server-only";

import type { CallsResponse } from "@/lib/api/calls-response";
import {
  CALLS_LINE_END,
  CALLS_LINE_START,
  encodeEvent,
  type ProgressEvent,
} from "@/lib/api/calls-stream";
import { apiCallSlices, createAnswerWriter } from "@/lib/store/answer-writer";
import type { Call } from "@/lib/voicenter/call";
import type { FieldName } from "@/lib/voicenter/fields";

import type { FetchAllProgress } from "./fetch-all-calls";

/**
 * One query's answer as it is cached and served: the JSON written once, as UTF-8 bytes
 * (a hit is neither re-serialized nor re-encoded, and no call objects stay in memory).
 */
export interface CallsAnswer {
  /** The response without its calls: counts, completeness, mode, range. */
  summary: Omit<CallsResponse, "calls"> & { count: number };
  /**
   * The JSON, in UTF-8 slices (never copied into one buffer: that would double the peak):
   * `{"calls":[`, then one slice of calls per element (each after the first led by a
   * comma), then the rest of the object.
   */
  body: readonly Uint8Array<ArrayBuffer>[];
}

/** The `/api/calls` JSON, written a slice of calls at a time. */
export function writeAnswer(
  calls: readonly Call[],
  fields: readonly FieldName[],
  rest: Omit<CallsResponse, "calls">,
): Uint8Array<ArrayBuffer>[] {
  const out = createAnswerWriter();
  out.calls(calls, fields);
  return out.finish(rest);
}

/** A fresh stream over an answer's bytes (the slices are shared, never transferred). */
export function answerStream(answer: CallsAnswer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of answer.body) controller.enqueue(chunk);
      controller.close();
    },
  });
}

const encoder = new TextEncoder();
const START = encoder.encode(CALLS_LINE_START);
const END = encoder.encode(CALLS_LINE_END);
const COMMA = 0x2c;

/** One NDJSON line's bytes. */
export type Line = Uint8Array;

export function eventLine(event: Parameters<typeof encodeEvent>[0]): Line {
  return encoder.encode(encodeEvent(event));
}

export function progressLine(progress: FetchAllProgress): Line {
  const event: ProgressEvent = { type: "progress", ...progress };
  return eventLine(event);
}

/** A `calls` line around JSON already written (comma-separated objects). */
export function* jsonCallsLines(json: string | Uint8Array): Generator<Line> {
  yield START;
  yield typeof json === "string" ? encoder.encode(json) : json;
  yield END;
}

/** `calls` lines of calls as the upstream sent them (shaped as toApiCall does). */
export function* callsLines(calls: readonly Call[], fields: readonly FieldName[]): Generator<Line> {
  for (const slice of apiCallSlices(calls, fields)) yield* jsonCallsLines(slice.json);
}

/** A cached answer as a stream: one progress, its slices as they are, the summary. */
export function* answerLines(answer: CallsAnswer): Generator<Line> {
  const { count, ...rest } = answer.summary;
  yield progressLine({
    loaded: count,
    expected: count,
    windowsDone: 1,
    windowsPlanned: 1,
    upstreamRequests: 0,
  });
  // the slices between the opening and the rest, each without its leading comma
  for (const chunk of answer.body.slice(1, -1))
    yield* jsonCallsLines(chunk[0] === COMMA ? chunk.subarray(1) : chunk);
  yield eventLine({ type: "summary", ...rest });
}
