import { figure, note, type Section } from "./report";
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
import type { RangeResult } from "./server/results";

const TARGET_CALLS = 25_000;
const RATE_LIMIT = 30;

/** 3. A range of ~25,000 calls through the route handler, against the simulator over HTTP. */
export const apiCallsRangeSection: Section = {
  title: `3. /api/calls for ~${TARGET_CALLS.toLocaleString("en-US")} calls (route handler → simulator over HTTP, ${RATE_LIMIT}/min)`,
  async run() {
    const sim = await startCountingSimulator({ rateLimit: RATE_LIMIT });
    try {
      const range = rangeWithCalls(sim, TARGET_CALLS, settledEnd());
      const { result: r, stderr } = await forkScenario<RangeResult>("range", {
        upstreamUrl: sim.cdrUrl,
        code: BENCH_CODE,
        search: searchFor(range),
        timeoutMs: 200_000,
      });
      const seenFirst = sim.requestsBetween(r.first.startedAt, r.first.endedAt);
      const seenSecond = sim.requestsBetween(r.second.startedAt, r.second.endedAt);
      return [
        note(
          `range ${describeRange(range)} (simulator: ${range.expected.toLocaleString("en-US")} calls), all fields`,
        ),
        figure("first request: wall time", wall(r.first)),
        note(`answer: ${describeAnswer(r.first)}`),
        figure("  upstream requests (Callboard's count)", reportedRequests(r.first)),
        figure("  upstream requests (seen by the simulator)", String(seenFirst), {
          text: `≤ ${RATE_LIMIT}/min shared`,
          within: seenFirst <= RATE_LIMIT,
        }),
        figure("same range again: wall time", wall(r.second)),
        note(`answer: ${describeAnswer(r.second)}`),
        figure("  upstream requests (seen by the simulator)", String(seenSecond), {
          text: "0 (cache hit)",
          within: seenSecond === 0,
        }),
        note("wall time = calling GET(request) until the last byte of the body is read"),
        ...stderrNotes(stderr),
      ];
    } finally {
      await sim.server.close();
    }
  },
};
