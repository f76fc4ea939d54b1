import { loadavg } from "node:os";

import { computeAgentStats } from "@/lib/analytics/agents";
import { computeCallbacks } from "@/lib/analytics/callbacks";
import { computeConversationKpis } from "@/lib/analytics/conversation-kpis";
import { computeHeatmap } from "@/lib/analytics/heatmap";
import { computeQueueStats } from "@/lib/analytics/queues";
import type { ApiCall } from "@/lib/api-call";
import { callEpochMs } from "@/lib/call-time";
import { groupConversations } from "@/lib/conversations/group";
import { simulatedApiCalls } from "@/simulator/as-api-calls";

import { count, figure, ms, note, percentile, type Section } from "./report";

const CALLS = 100_000;
const RUNS = 7;
const BUDGET_MS = 100;
const DAY_MS = 86_400_000;
const TIME_ZONE = "Asia/Jerusalem";
/** Sunday 2024-06-09: a busy Israeli week starts. */
const FIRST_DAY = Date.UTC(2024, 5, 9) / DAY_MS;

/**
 * 100,000 records of the simulator (10,000 a busy day: two-leg calls, transfers, call
 * backs), through JSON as the browser receives them. Not the synthetic generator: that one
 * has no linked legs, and grouping is most of the work.
 */
function simulatedRecords(): ApiCall[] {
  const calls: ApiCall[] = [];
  for (let day = FIRST_DAY; calls.length < CALLS; day += 7) {
    calls.push(...simulatedApiCalls({ seed: 42, callsPerDay: 10_000 }, day, 7));
  }
  return JSON.parse(JSON.stringify(calls.slice(0, CALLS))) as ApiCall[];
}

function time(work: () => unknown): number {
  work(); // warm-up, so the JIT has compiled the pass before it is measured
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}

const within = (value: number) => ({ text: `≤ ${BUDGET_MS} ms`, within: value <= BUDGET_MS });

/** 1b. What the conversation pages recompute when the loaded calls change. */
export const conversationsSection: Section = {
  title: `1b. Conversations, agents, queues, heatmap, callbacks over ${count(CALLS)} calls (median of ${RUNS} runs)`,
  run() {
    const records = simulatedRecords();
    const last = callEpochMs(records[records.length - 1]!) ?? FIRST_DAY * DAY_MS;
    const range = { from: FIRST_DAY * DAY_MS, to: last + 1000 };
    const conversations = groupConversations(records);
    const kpiOptions = { shortAbandonSeconds: 5, serviceLevelSeconds: 20 };

    const steps = {
      group: time(() => groupConversations(records)),
      kpis: time(() => computeConversationKpis(conversations, kpiOptions)),
      agents: time(() => computeAgentStats(conversations)),
      queues: time(() => computeQueueStats(conversations, kpiOptions)),
      heatmap: time(() => computeHeatmap(conversations, { timeZone: TIME_ZONE, range })),
      callbacks: time(() => computeCallbacks(conversations, { now: range.to })),
    };
    const total = time(() => {
      const grouped = groupConversations(records);
      computeConversationKpis(grouped, kpiOptions);
      computeAgentStats(grouped);
      computeQueueStats(grouped, kpiOptions);
      computeHeatmap(grouped, { timeZone: TIME_ZONE, range });
      computeCallbacks(grouped, { now: range.to });
    });
    const days = Math.round((range.to - range.from) / DAY_MS);
    return Promise.resolve([
      figure("groupConversations", ms(steps.group), within(steps.group)),
      figure("computeConversationKpis", ms(steps.kpis), within(steps.kpis)),
      figure("computeAgentStats", ms(steps.agents), within(steps.agents)),
      figure("computeQueueStats", ms(steps.queues), within(steps.queues)),
      figure("computeHeatmap", ms(steps.heatmap), within(steps.heatmap)),
      figure("computeCallbacks", ms(steps.callbacks), within(steps.callbacks)),
      figure("all of them, from the records", ms(total)),
      note(
        `${count(records.length)} simulator records (${days} days at 10,000 a busy day) → ` +
          `${count(conversations.length)} conversations; in Node, over JSON-parsed calls; ${TIME_ZONE}`,
      ),
      // Shared machines: the figures scale with what else runs.
      note(`load average ${loadavg()[0]!.toFixed(1)} while measured`),
    ]);
  },
};
