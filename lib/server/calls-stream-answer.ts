import "server-only";

import type { StoreStreamItem } from "@/lib/store/serve";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { FIELD_NAMES, type FieldName } from "@/lib/voicenter/fields";

import type { CacheSource } from "./cache";
import {
  answerLines,
  callsLines,
  eventLine,
  jsonCallsLines,
  progressLine,
  type CallsAnswer,
  type Line,
} from "./calls-answer";
import type { GetCallsOptions, LoadEvent } from "./calls-service";
import { createChannel } from "./channel";
import { serverLogger } from "./log";

/**
 * The streamed `/api/calls` answer, in the order of the cheapest source: a cached answer as
 * it is; else the store's stream (slices read one after the other, never the whole answer
 * in memory); else the shared load (upstream), its calls handed on page by page — and a
 * viewer who joins a load already running is first handed everything it fetched so far.
 */

export interface CallsStreamDeps {
  mode: "demo" | "live";
  cached(query: CallsQuery): Promise<CallsAnswer | undefined>;
  fromStore(
    query: CallsQuery,
    opts: { signal?: AbortSignal; owner?: string },
  ): AsyncIterable<StoreStreamItem> | undefined;
  load(
    query: CallsQuery,
    opts: GetCallsOptions,
    onEvent: (event: LoadEvent) => void,
  ): Promise<{ answer: CallsAnswer; source: CacheSource }>;
}

function* storeLines(item: StoreStreamItem, fields: readonly FieldName[]): Generator<Line> {
  switch (item.kind) {
    case "progress":
      yield progressLine(item.progress);
      return;
    case "json":
      yield* jsonCallsLines(item.json);
      return;
    case "calls":
      yield* callsLines(item.calls, fields);
      return;
    case "summary":
      yield eventLine({ type: "summary", ...item.summary });
  }
}

export async function* streamCallsAnswer(
  deps: CallsStreamDeps,
  query: CallsQuery,
  opts: GetCallsOptions,
): AsyncGenerator<Line> {
  const fields = query.fields ?? FIELD_NAMES;
  const cached = await deps.cached(query);
  if (cached) {
    yield* answerLines(cached);
    return;
  }

  const stored = deps.fromStore(query, { signal: opts.signal, owner: opts.owner });
  if (stored) {
    let started = false;
    try {
      for await (const item of stored) {
        started = true;
        yield* storeLines(item, fields);
      }
      return;
    } catch (error) {
      // once lines are out, or for the upstream's own refusals, the error is the answer's
      if (started || isUpstreamError(error) || opts.signal?.aborted) throw error;
      serverLogger().warn(
        { error: error instanceof Error ? error.message : String(error) },
        "the call store could not stream an answer; asking the upstream",
      );
    }
  }

  const events = createChannel<LoadEvent>();
  const loading = deps.load(query, opts, (event) => events.push(event));
  loading.then(
    () => events.close(),
    (error: unknown) => events.fail(error),
  );
  let sent = 0;
  for await (const event of events) {
    if (event.kind === "progress") {
      yield progressLine(event.progress);
      continue;
    }
    sent += event.calls.length;
    yield* callsLines(event.calls, fields);
  }
  const { answer } = await loading;
  if (sent === 0 && answer.summary.count > 0) {
    // answered whole (from the store's plain answer, or a cache filled meanwhile)
    const lines = [...answerLines(answer)];
    yield* lines.slice(1, -1);
  }
  const { count: _count, ...rest } = answer.summary;
  yield eventLine({ type: "summary", ...rest });
}
