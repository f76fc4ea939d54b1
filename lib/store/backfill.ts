import "server-only";

import { upstreamWindow } from "@/lib/server/time-window";
import { DAY_MS } from "@/lib/time/units";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

import { judgeDescendingPage, nextWindow } from "./backfill-plan";
import type { StoreContext } from "./context";
import { finishFetch, readCoverage } from "./coverage";
import { gaps, totalLength, type Span } from "./spans";
import { readSyncState, updateSyncState } from "./sync-state";
import { rejectionRows, upsertCalls, upsertRejections } from "./write";

/**
 * The backfill: CALLBOARD_BACKFILL_DAYS of history, newest first, one request at a time
 * and only inside its share of the budget (the governor's ledger refuses it while people
 * use the budget; it never queues in front of them). Where it stands is the coverage itself,
 * so it resumes after a restart where it left off.
 */

export type BackfillStep =
  | { kind: "done" }
  /** Nothing to do yet (no sync cycle has finished): try again later. */
  | { kind: "waiting" }
  /** The budget or the people come first: try again in `retryInMs`. */
  | { kind: "deferred"; retryInMs: number }
  | { kind: "fetched"; window: Span; records: number }
  | { kind: "failed"; error: string };

export interface Backfill {
  step(signal?: AbortSignal): Promise<BackfillStep>;
}

const BUDGET_WAIT_MS = 1_000;
const RETRY_INCOMPLETE_MS = 60 * 60_000;

export function createBackfill(ctx: StoreContext): Backfill {
  // windows a page told us to split (not sorted newest first), newest last
  const pending: Span[] = [];

  async function plan(
    now: number,
  ): Promise<{ gaps: Span[]; horizon: number; edge: number } | undefined> {
    const db = await ctx.database();
    const state = await readSyncState(db);
    if (state.syncedTo === undefined) return undefined;
    const horizon = now - ctx.settings.backfillDays * DAY_MS;
    const edge = Math.min(state.syncedTo, now);
    const spans = await readCoverage(db, [""], { from: horizon, to: edge });
    // what could not be fetched completely is tried again an hour later, not at once
    const skipped = spans.filter((s) => !s.complete && s.fetchedAt > now - RETRY_INCOMPLETE_MS);
    const open = gaps(
      { from: horizon, to: edge },
      spans.filter((s) => s.complete),
    );
    const todo = gaps({ from: horizon, to: edge }, [
      ...spans.filter((s) => s.complete),
      ...skipped,
    ]);
    await updateSyncState(db, {
      backfill: {
        horizon,
        remainingMs: totalLength(open),
        coveredMs: Math.max(0, edge - horizon - totalLength(open)),
        done: todo.length === 0,
        updatedAt: now,
      },
    });
    return { gaps: todo, horizon, edge };
  }

  return {
    async step(signal) {
      if (ctx.settings.backfillDays <= 0) return { kind: "done" };
      const now = ctx.now();
      const planned = await plan(now);
      if (!planned) return { kind: "waiting" };
      const newest = planned.gaps[planned.gaps.length - 1];
      if (!newest) return { kind: "done" };
      // people waiting for the upstream go first
      if (ctx.requester.governor.stats().queued > 0) {
        return { kind: "deferred", retryInMs: BUDGET_WAIT_MS };
      }
      let window: Span | undefined;
      while ((window = pending.pop())) {
        const candidate = window;
        if (planned.gaps.some((g) => g.from < candidate.to && g.to > candidate.from)) break;
      }
      window ??= nextWindow(newest);
      const request = upstreamWindow(window.from, window.to);
      if (!request) return { kind: "done" };
      const fetchedAt = now;
      let page;
      try {
        page = await ctx.requester.fetchPage(
          {
            from: request.from,
            to: request.to,
            fields: [...FIELD_NAMES],
            sort: [{ field: "Date", order: "desc" }],
          },
          { purpose: "backfill", signal, notAfter: now + BUDGET_WAIT_MS },
        );
      } catch (error) {
        if (signal?.aborted) throw error;
        if (isUpstreamError(error) && error.kind === "rate-limited") {
          pending.push(window);
          return {
            kind: "deferred",
            retryInMs: Math.max(BUDGET_WAIT_MS, error.retryAfterMs ?? 5_000),
          };
        }
        pending.push(window);
        return { kind: "failed", error: isUpstreamError(error) ? error.message : String(error) };
      }
      const db = await ctx.database();
      await upsertCalls(db, page.calls, fetchedAt);
      await upsertRejections(db, rejectionRows(page.rejectedRecords ?? [], window.from), fetchedAt);
      const verdict = judgeDescendingPage(window, {
        totalHits: page.totalHits,
        dates: page.calls.map((c) => c.Date),
        rejectedCount: page.rejected.count,
      });
      const finish = (span: Span, complete: boolean) =>
        finishFetch(db, { filterKey: "", span, fetchedAt, complete, replace: true });
      switch (verdict.kind) {
        case "complete":
          await finish(verdict.covered, true);
          break;
        case "continue":
          await finish(verdict.covered, true);
          break;
        case "dense-second":
          if (verdict.covered) await finish(verdict.covered, true);
          await finish(verdict.second, false);
          ctx.log.warn(
            { purpose: "backfill", second: new Date(verdict.second.from).toISOString() },
            "one second holds more calls than the upstream returns at once",
          );
          break;
        case "split":
          pending.push(...verdict.parts);
          break;
        case "stuck":
          await finish(window, false);
          ctx.log.warn({ purpose: "backfill", reason: verdict.reason }, "backfill window skipped");
          break;
      }
      return { kind: "fetched", window, records: page.calls.length };
    },
  };
}
