import { callVolume, type TimeRange } from "@/lib/analytics/buckets";
import { durationHistogram } from "@/lib/analytics/histogram";
import { countByStatus } from "@/lib/analytics/status-counts";
import type { ApiCall } from "@/lib/api/calls-response";

import { median } from "./stats";
import { syntheticCalls } from "./synthetic-calls";

export interface AnalyticsBenchResult {
  calls: number;
  runs: number;
  /** Median milliseconds per run. */
  ms: {
    callVolumeHourly: number;
    callVolumeDaily: number;
    countByStatus: number;
    durationHistogram: number;
    /** What the charts panel recomputes together (daily buckets); the KPIs: section 1b. */
    total: number;
  };
}

function asReceived(calls: ApiCall[]): ApiCall[] {
  return JSON.parse(JSON.stringify(calls)) as ApiCall[];
}

function time(runs: number, work: () => unknown): number {
  work(); // warm-up, so the JIT has compiled the pass before it is measured
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Times the charts over `count` synthetic calls (a month, Asia/Jerusalem by default). */
export function benchAnalytics(
  count = 100_000,
  options: { runs?: number; timeZone?: string } = {},
): AnalyticsBenchResult {
  const runs = options.runs ?? 7;
  const timeZone = options.timeZone ?? "Asia/Jerusalem";
  const month: TimeRange = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
  const twoDays: TimeRange = { from: Date.UTC(2026, 2, 26, 22), to: Date.UTC(2026, 2, 28, 21) };
  // Through JSON, as the browser gets them: parsed strings are flat, unlike built ones.
  const monthCalls = asReceived(syntheticCalls(count, month));
  const dayCalls = asReceived(syntheticCalls(count, { ...twoDays, seed: 2 }));

  const ms = {
    callVolumeHourly: time(runs, () => callVolume(dayCalls, { timeZone, range: twoDays })),
    callVolumeDaily: time(runs, () => callVolume(monthCalls, { timeZone, range: month })),
    countByStatus: time(runs, () => countByStatus(monthCalls)),
    durationHistogram: time(runs, () => durationHistogram(monthCalls)),
    total: time(runs, () => {
      callVolume(monthCalls, { timeZone, range: month });
      countByStatus(monthCalls);
      durationHistogram(monthCalls);
    }),
  };
  return { calls: count, runs, ms };
}
