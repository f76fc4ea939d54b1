import { HOUR_MS } from "@/lib/time/units";

import { figure, mb, note, type Section } from "./report";
import {
  BENCH_CODE,
  rangeWithCalls,
  settledEnd,
  startCountingSimulator,
} from "./server/counting-simulator";
import {
  describeAnswer,
  describeRange,
  reportedRequests,
  searchFor,
  stderrNotes,
  wall,
} from "./server/describe";
import { forkScenario } from "./server/fork-scenario";
import type { MemoryResult } from "./server/results";

const TARGET_CALLS = 100_000;
/** Calls on a busy day: 100,000 calls fit in a few days, so the range stays small. */
const CALLS_PER_DAY = 50_000;
const BUDGET_BYTES = 250 * 1024 * 1024;

/** 5. The Callboard process's RSS around one 100,000-call `/api/calls` response. */
export const serverMemorySection: Section = {
  title: `5. Server memory for ${TARGET_CALLS.toLocaleString("en-US")} calls (route handler → simulator over HTTP, ${CALLS_PER_DAY.toLocaleString("en-US")} calls a busy day)`,
  async run() {
    const sim = await startCountingSimulator({ callsPerDay: CALLS_PER_DAY });
    try {
      const range = rangeWithCalls(sim, TARGET_CALLS, settledEnd());
      const warmUp = { from: range.from - HOUR_MS, to: range.from };
      const lines: string[] = [
        note(
          `range ${describeRange(range)} (simulator: ${range.expected.toLocaleString("en-US")} calls), all fields`,
        ),
      ];
      // each in a process of its own: the peak (maxrss) is the process's whole life
      for (const [label, accept] of [
        ["plain JSON", undefined],
        ["streamed (NDJSON)", "application/x-ndjson"],
      ] as const) {
        const { result: r, stderr } = await forkScenario<MemoryResult>("memory", {
          upstreamUrl: sim.cdrUrl,
          code: BENCH_CODE,
          search: searchFor(range),
          warmUpSearch: searchFor(warmUp),
          ...(accept ? { accept } : {}),
          timeoutMs: 300_000,
        });
        const peakGrowth = r.rssPeak - r.rssBefore;
        const seen = sim.requestsBetween(r.fetch.startedAt, r.fetch.endedAt);
        lines.push(
          note(`${label}: ${describeAnswer(r.fetch)} in ${wall(r.fetch)}`),
          note(
            `upstream requests: ${reportedRequests(r.fetch)} (Callboard's count), ${seen} (seen by the simulator)`,
          ),
          figure(`${label}: RSS before (after a warm-up request)`, mb(r.rssBefore)),
          figure(`${label}: RSS peak growth (maxrss − before)`, mb(peakGrowth), {
            text: `≤ ${mb(BUDGET_BYTES)}`,
            within: peakGrowth <= BUDGET_BYTES,
          }),
          figure(`${label}: RSS growth right after the response`, mb(r.rssAfter - r.rssBefore)),
          figure(`${label}: RSS growth retained after GC`, mb(r.rssRetained - r.rssBefore)),
          ...stderrNotes(stderr),
        );
        if (!r.gcAvailable) lines.push(note("global.gc unavailable: figures include garbage"));
      }
      lines.push(
        note(
          "GC forced (--expose-gc) before 'before' and 'retained'; the answer stays in Callboard's cache",
        ),
        note("the simulator runs in the bench process, so its memory is not in these figures"),
      );
      return lines;
    } finally {
      await sim.server.close();
    }
  },
};
