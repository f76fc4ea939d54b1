import "server-only";

import { createChannel } from "@/lib/server/channel";
import type { FetchAllProgress } from "@/lib/server/fetch-all-calls";
import type { CallsQuery } from "@/lib/view-state/calls-params";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

import { createTotals, segments } from "./answer-writer";
import type { StoreContext } from "./context";
import type { FetchedSpan } from "./fetch-span";
import type { StoreFilter } from "./filter";
import { countCalls, countRejections, readAnswerSlices } from "./query";
import type { GapEvent, ServeOptions, StoreServing, StoreStreamItem } from "./serve";
import type { Span } from "./spans";

/**
 * The streamed `/api/calls` answer from the store (`Accept: application/x-ndjson`): the
 * stored stretches are read slice by slice and each slice is handed on as the database wrote
 * it, so the answer is never held whole; the gaps are fetched from the upstream meanwhile
 * (newest first, as the plain answer does) and their calls handed on page by page. Gaps some
 * other request fetched first are read from the store at the end. Calls therefore arrive in
 * time order within a part, not across parts: the reader sorts when it has them all.
 */

const FIRST_SLICE = 1_000;
const SLICE = 5_000;

export async function* streamFromStore(
  ctx: StoreContext,
  serving: StoreServing,
  query: CallsQuery,
  opts: ServeOptions,
): AsyncGenerator<StoreStreamItem> {
  const plan = await serving.plan(query);
  if (!plan) throw new Error("the store cannot answer this query");
  const db = await ctx.database();
  const fields = query.fields ?? FIELD_NAMES;
  const parts = segments(plan.range, plan.open);
  const partOf = (s: Span): StoreFilter => ({ ...plan.filter, from: s.from, to: s.to });
  const stored = parts.filter((s) => !s.gap);
  let storedExpected = 0;
  for (const part of stored) storedExpected += await countCalls(db, partOf(part));

  let loaded = 0;
  let slicesDone = 0;
  const slicesPlanned = stored.length + Math.floor(storedExpected / SLICE);
  const gapProgress = new Map<Span, FetchAllProgress>();
  const progress = (): StoreStreamItem => {
    let expected = storedExpected;
    let windowsDone = slicesDone;
    let windowsPlanned = slicesPlanned;
    let upstreamRequests = 0;
    for (const gap of plan.open) {
      const p = gapProgress.get(gap);
      expected += p?.expected ?? 0;
      windowsDone += p?.windowsDone ?? 0;
      windowsPlanned += p?.windowsPlanned ?? 1;
      upstreamRequests += p?.upstreamRequests ?? 0;
    }
    return {
      kind: "progress",
      progress: { loaded, expected, windowsDone, windowsPlanned, upstreamRequests },
    };
  };

  // the gaps, fetched in the background while the stored parts are read
  const events = createChannel<{ gap: Span; event: GapEvent }>();
  const results = new Map<Span, FetchedSpan | "covered">();
  const fetching = (async () => {
    for (const gap of [...plan.open].reverse()) {
      const onEvent = (event: GapEvent) => events.push({ gap, event });
      results.set(
        gap,
        await serving.fetchGap(plan, gap, { signal: opts.signal, owner: opts.owner, onEvent }),
      );
    }
  })();
  fetching.then(
    () => events.close(),
    (error: unknown) => events.fail(error),
  );

  /** What a gap sent, as items to hand on. */
  function* fromGap({ gap, event }: { gap: Span; event: GapEvent }): Generator<StoreStreamItem> {
    if (event.kind === "progress") {
      gapProgress.set(gap, event.progress);
      yield progress();
      return;
    }
    loaded += event.calls.length;
    yield { kind: "calls", calls: event.calls };
  }

  try {
    yield progress();
    for (const part of stored) {
      for await (const slice of readAnswerSlices(db, partOf(part), fields, SLICE, FIRST_SLICE)) {
        opts.signal?.throwIfAborted();
        loaded += slice.count;
        slicesDone++;
        yield { kind: "json", json: slice.json, count: slice.count };
        for (const waiting of events.drain()) yield* fromGap(waiting);
        yield progress();
      }
    }
    for await (const waiting of events) yield* fromGap(waiting);

    const totals = createTotals();
    for (const part of parts) {
      const result = part.gap ? results.get(part.gap) : "covered";
      if (result !== undefined && result !== "covered") {
        totals.fetched(result);
        continue;
      }
      if (part.gap) {
        // another request fetched it while this one waited: it is in the store now
        for await (const slice of readAnswerSlices(db, partOf(part), fields, SLICE)) {
          loaded += slice.count;
          yield { kind: "json", json: slice.json, count: slice.count };
        }
      }
      totals.stored(await countRejections(db, partOf(part)));
    }
    yield { kind: "summary", summary: totals.summary(loaded, query, opts.mode) };
  } finally {
    // a reader that stopped early: the gaps' fetches hear it through the signal
    fetching.catch(() => undefined);
  }
}
