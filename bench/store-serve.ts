import type { DatabaseHandle } from "@/lib/db/database";
import { DAY_MS } from "@/lib/time/units";

import { count, figure, mb, ms, note, percentile, seconds, type Section } from "./report";
import { agentExtension, onEachStoreDatabase, withFilledInstance } from "./store/filled-instance";
import { healthDuring, timedGet } from "./store/http";

/**
 * 30 days of a 10,000-a-day center, synced, served by an app instance (the real route
 * handlers in a process of their own): `/api/calls` for the whole range and for one agent's
 * extension — time and upstream requests (0 expected) — and `/api/health` while the store
 * answers big queries and while the sync writes.
 */

const DAYS = 30;
const HEALTH_BUDGET_MS = 100;

async function measure(
  label: string,
  open: () => Promise<DatabaseHandle>,
  env: Record<string, string>,
) {
  return withFilledInstance({ label, days: DAYS, open, env }, async (app, sim, now) => {
    const lines: string[] = [];
    const from = new Date(now - DAYS * DAY_MS).toISOString();
    const to = new Date(now).toISOString();
    const range = `${app.origin}/api/calls?from=${from}&to=${to}`;
    const before = sim.requestTimes.length;
    const signedIn = { headers: app.headers };
    const answered = async (url: string) => {
      const timed = await timedGet(url, signedIn);
      if (timed.status !== 200) throw new Error(`${url} answered HTTP ${timed.status}`);
      return timed;
    };
    const whole = await answered(range);
    const agent = await answered(`${range}&ext=${agentExtension(sim, now)}`);
    const requests = (whole.upstreamRequests ?? -1) + (agent.upstreamRequests ?? -1);
    lines.push(
      figure(
        "/api/calls, 30 days",
        `${seconds(whole.ms)} ${count(whole.total ?? 0)} calls, ${mb(whole.bytes)}`,
      ),
      figure(
        "/api/calls, one agent's extension",
        `${ms(agent.ms)} ${count(agent.total ?? 0)} calls`,
      ),
      figure("upstream requests of both", count(requests), { text: "0", within: requests === 0 }),
      note(
        `the simulator saw ${count(sim.requestTimes.length - before)} requests meanwhile (the sync's own)`,
      ),
    );
    const health = `${app.origin}/api/health`;
    const big = (async () => {
      for (const fields of ["Duration", "DialStatus,Duration", "CallerNumber"]) {
        await answered(`${range}&fields=${fields}`);
      }
    })();
    const duringQueries = await healthDuring(health, big);
    const resync = app.post("/api/admin/sync/resync", {
      from: new Date(now - 5 * DAY_MS).toISOString(),
      to: new Date(now - 2 * DAY_MS).toISOString(),
    });
    const duringWrite = await healthDuring(health, resync);
    const written = (await resync).body as { calls?: number };
    for (const [what, samples] of [
      ["while big queries run", duringQueries],
      [`while the sync writes ${count(written.calls ?? 0)} calls`, duringWrite],
    ] as const) {
      const p99 = percentile(samples, 99);
      lines.push(
        figure(`/api/health p50 ${what}`, `${ms(percentile(samples, 50))} (n=${samples.length})`),
        figure(`/api/health p99 ${what}`, ms(p99), {
          text: `≤ ${HEALTH_BUDGET_MS} ms`,
          within: p99 <= HEALTH_BUDGET_MS,
        }),
      );
    }
    return lines;
  });
}

export const storeServeSection: Section = {
  title: `11. Call store: ${DAYS} days of a 10,000-a-day center, synced (an app instance in its own process)`,
  run: () =>
    onEachStoreDatabase("bench_store_serve", ({ label, open, env }) => measure(label, open, env)),
};
