import "server-only";

import { DAY_MS } from "@/lib/time/units";
import type { Call } from "@/lib/voicenter/call";

import { createBackfill, type BackfillStep } from "./backfill";
import type { StoreContext } from "./context";
import type { Coordination } from "./coordination";
import { fetchSpanIntoStore } from "./fetch-span";
import { storedRecordUrl } from "./query";
import type { RequestLog } from "./request-log";
import { applyRetention } from "./retention";
import { createStoreServer, type StoreServer } from "./serve";
import type { Span } from "./spans";
import { runSweep, runSyncCycle, SWEEP_EVERY_MS } from "./sync";
import { readSyncState, updateSyncState } from "./sync-state";
import { upsertCalls } from "./write";

/**
 * The call store of one process: its reads (every instance serves from it) and, while this
 * instance leads, the sync loop (cycles, the hourly sweep, daily retention) and the backfill
 * loop. Losing the lead stops both at once (their signal aborts).
 */

export interface CallStore {
  readonly context: StoreContext;
  readonly server: StoreServer;
  readonly coordination: Coordination;
  readonly requestLog: RequestLog;
  start(): void;
  /** Stops the loops; `flush` (default) writes the pending request log first. */
  stop(options?: { flush?: boolean }): Promise<void>;
  isLeader(): boolean;
  /** Fetches a span of the whole account again (the admin's "re-sync this range"). */
  resync(span: Span): Promise<{ calls: number; requests: number; complete: boolean }>;
  /** Keeps calls the upstream sent for a query the store could not answer (no coverage). */
  remember(calls: readonly Call[], fetchedAt: number): Promise<void>;
  recordUrl(callId: string): Promise<string | undefined>;
}

const RETENTION_EVERY_MS = DAY_MS;

export function backfillPause(step: BackfillStep): number {
  switch (step.kind) {
    case "done":
      return 60_000;
    case "waiting":
      return 5_000;
    case "deferred":
      return step.retryInMs;
    case "fetched":
      return 0;
    case "failed":
      return 30_000;
  }
}

export function createCallStore(parts: {
  context: StoreContext;
  coordination: Coordination;
  requestLog: RequestLog;
}): CallStore {
  const { context: ctx, coordination, requestLog } = parts;
  const server = createStoreServer(ctx, coordination.spanLocks);
  let leading: AbortController | undefined;
  const loops: Promise<void>[] = [];

  async function syncLoop(signal: AbortSignal) {
    while (!signal.aborted) {
      const started = ctx.now();
      await runSyncCycle(ctx, signal).catch((error: unknown) => {
        if (!signal.aborted) ctx.log.error({ error: String(error) }, "sync cycle crashed");
      });
      if (signal.aborted) return;
      try {
        const state = await readSyncState(await ctx.database());
        const now = ctx.now();
        if (now - (state.lastSweepAt ?? 0) >= SWEEP_EVERY_MS) await runSweep(ctx, signal);
        if (now - (state.lastRetentionAt ?? 0) >= RETENTION_EVERY_MS) {
          const removed = await applyRetention(
            await ctx.database(),
            ctx.settings.retentionDays,
            now,
          );
          await updateSyncState(await ctx.database(), { lastRetentionAt: now });
          ctx.log.info({ ...removed, retentionDays: ctx.settings.retentionDays }, "retention");
        }
      } catch (error) {
        if (!signal.aborted) ctx.log.error({ error: String(error) }, "sync upkeep failed");
      }
      await ctx.sleep(Math.max(0, started + ctx.settings.syncIntervalMs - ctx.now()), signal);
    }
  }

  async function backfillLoop(signal: AbortSignal) {
    const backfill = createBackfill(ctx);
    while (!signal.aborted) {
      let step: BackfillStep;
      try {
        step = await backfill.step(signal);
      } catch (error) {
        if (signal.aborted) return;
        step = { kind: "failed", error: String(error) };
      }
      if (step.kind === "failed")
        ctx.log.warn({ purpose: "backfill", error: step.error }, "backfill step failed");
      await ctx.sleep(backfillPause(step), signal);
    }
  }

  function onLeadership(now: boolean) {
    if (now && !leading) {
      const controller = new AbortController();
      leading = controller;
      ctx.log.info({ instance: ctx.instance }, "this instance leads the sync");
      void ctx
        .database()
        .then((db) => updateSyncState(db, { leader: ctx.instance, leaderSince: ctx.now() }))
        .catch(() => undefined);
      loops.push(syncLoop(controller.signal), backfillLoop(controller.signal));
    } else if (!now && leading) {
      leading.abort();
      leading = undefined;
    }
  }

  return {
    context: ctx,
    server,
    coordination,
    requestLog,
    start() {
      coordination.leadership.start(onLeadership);
    },
    async stop({ flush = true } = {}) {
      leading?.abort();
      leading = undefined;
      await coordination.close();
      await Promise.allSettled(loops.splice(0));
      await server.settled();
      if (flush) await requestLog.flush();
    },
    isLeader: () => coordination.leadership.isLeader(),
    async resync(span) {
      const result = await fetchSpanIntoStore(ctx, { span, filterKey: "", purpose: "sync" });
      return {
        calls: result.calls.length,
        requests: result.upstreamRequests,
        complete: result.complete,
      };
    },
    async remember(calls, fetchedAt) {
      await upsertCalls(await ctx.database(), calls, fetchedAt);
    },
    async recordUrl(callId) {
      return storedRecordUrl(await ctx.database(), callId);
    },
  };
}
