import { DAY_MS } from "@/lib/time/units";

import { figure, ms, note, percentile, type Section } from "./report";
import { BENCH_CODE, settledEnd, startCountingSimulator } from "./server/counting-simulator";
import { describeAnswer, describeRange, searchFor, stderrNotes } from "./server/describe";
import { forkScenario } from "./server/fork-scenario";
import type { CallsFetch, ViewersResult } from "./server/results";

const P50_BUDGET_MS = 20;

function sources(fetches: CallsFetch[]): string {
  const tally = new Map<string, number>();
  for (const f of fetches) {
    const key = f.status === 200 ? (f.source ?? "?") : `HTTP ${f.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally].map(([key, n]) => `${n}× ${key}`).join(", ");
}

const span = (fetches: CallsFetch[]) => ({
  from: Math.min(...fetches.map((f) => f.startedAt)),
  to: Math.max(...fetches.map((f) => f.endedAt)),
});

/** 4. 50 viewers open the same URL at once: one upstream request, then fast cache hits. */
export const viewersSection: Section = {
  title:
    "4. 50 concurrent viewers of one URL (a day of calls, route handler → simulator over HTTP)",
  async run() {
    const sim = await startCountingSimulator();
    try {
      const to = settledEnd();
      const range = { from: to - DAY_MS, to };
      const { result: r, stderr } = await forkScenario<ViewersResult>("viewers", {
        upstreamUrl: sim.cdrUrl,
        code: BENCH_CODE,
        search: searchFor(range),
        timeoutMs: 120_000,
      });
      const cold = span(r.cold);
      const warm = span(r.warm);
      const coldRequests = sim.requestsBetween(cold.from, cold.to);
      const warmRequests = sim.requestsBetween(warm.from, warm.to);
      const hits = r.warm.filter((f) => f.status === 200).map((f) => f.ms);
      const p50 = percentile(hits, 50);
      const one = r.sequential.map((f) => f.ms);
      const [sample] = r.cold;
      return [
        note(`URL: /api/calls?from=…&to=… for ${describeRange(range)}, all fields`),
        ...(sample ? [note(`answer: ${describeAnswer(sample)}`)] : []),
        figure("50 cold: upstream requests (simulator)", String(coldRequests), {
          text: "1",
          within: coldRequests <= 1,
        }),
        note(
          `50 cold answers: ${sources(r.cold)}; slowest ${ms(Math.max(...r.cold.map((f) => f.ms)))}`,
        ),
        figure("50 warm: upstream requests (simulator)", String(warmRequests), {
          text: "0",
          within: warmRequests === 0,
        }),
        figure("50 warm at once: cache hit p50", ms(p50), {
          text: `p50 ≤ ${P50_BUDGET_MS} ms`,
          within: p50 <= P50_BUDGET_MS,
        }),
        figure("50 warm at once: cache hit p95", ms(percentile(hits, 95))),
        note(`50 warm answers: ${sources(r.warm)}`),
        figure(`${one.length} hits one at a time: p50`, ms(percentile(one, 50))),
        figure(`${one.length} hits one at a time: p95`, ms(percentile(one, 95))),
        note(
          "latency = calling GET(request) until the last byte of the body is read, in one process;",
        ),
        note("at once, each hit waits for the others' JSON serialisation on the same thread"),
        ...stderrNotes(stderr),
      ];
    } finally {
      await sim.server.close();
    }
  },
};
