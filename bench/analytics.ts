import { benchAnalytics } from "@/bench/analytics-bench";

import { figure, ms, note, type Section } from "./report";

const CALLS = 100_000;
const RUNS = 7;
const BUDGET_MS = 100;

/** 1. What the charts recompute when 100,000 loaded calls change (the KPIs count conversations: 1b). */
export const analyticsSection: Section = {
  title: `1. Charts over ${CALLS.toLocaleString("en-US")} calls (benchAnalytics, median of ${RUNS} runs)`,
  run() {
    const result = benchAnalytics(CALLS, { runs: RUNS, timeZone: "Asia/Jerusalem" });
    const steps = result.ms;
    return Promise.resolve([
      figure("callVolume, hourly (two days)", ms(steps.callVolumeHourly)),
      figure("callVolume, daily (a month)", ms(steps.callVolumeDaily)),
      figure("countByStatus", ms(steps.countByStatus)),
      figure("durationHistogram", ms(steps.durationHistogram)),
      figure("recompute, all together", ms(steps.total), {
        text: `≤ ${BUDGET_MS} ms`,
        within: steps.total <= BUDGET_MS,
      }),
      note("in Node, over JSON-parsed calls (as the browser receives them); Asia/Jerusalem"),
    ]);
  },
};
