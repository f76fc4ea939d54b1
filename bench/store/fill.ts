import { sql } from "drizzle-orm";

import type { DatabaseHandle } from "@/lib/db/database";
import { createBackfill } from "@/lib/store/backfill";
import { runSyncCycle } from "@/lib/store/sync";
import { simulatorUpstreamAt, storeHarness, testClock } from "@/testing/store/harness";

/**
 * Fills a store the way the server does — the first sync cycle, then the backfill step by
 * step — against a simulator over HTTP whose budget never runs out, and times it: the
 * processing the backfill needs, apart from the waits the real budget would add.
 */

export interface FillResult {
  requests: number;
  calls: number;
  ms: number;
}

export async function fillStore(options: {
  handle: DatabaseHandle;
  upstreamUrl: string;
  code: string;
  now: number;
  days: number;
}): Promise<FillResult> {
  const harness = storeHarness({
    handle: options.handle,
    upstream: {
      ...simulatorUpstreamAt(options.upstreamUrl, options.code),
      rateLimitPerMinute: 100_000,
    },
    clock: testClock(options.now),
    settings: { backfillDays: options.days },
  });
  const started = performance.now();
  try {
    await runSyncCycle(harness.ctx);
    const backfill = createBackfill(harness.ctx);
    for (let i = 0; i < 10_000; i++) {
      const step = await backfill.step();
      if (step.kind === "done") break;
      if (step.kind !== "fetched") throw new Error(`the backfill stopped: ${JSON.stringify(step)}`);
    }
    const ms = performance.now() - started;
    const { rows } = await options.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from stored_call`,
    );
    return { requests: harness.upstreamRequests(), calls: Number(rows[0]?.n ?? 0), ms };
  } finally {
    await harness.close();
  }
}
