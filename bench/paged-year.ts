import { readFileSync } from "node:fs";

import type { DatabaseHandle } from "@/lib/db/database";
import { DAY_MS } from "@/lib/time/units";
import type { AppInstance } from "@/testing/store/instances";

import { count, figure, mb, ms, note, seconds, type Section } from "./report";
import { agentExtension, onEachStoreDatabase, withFilledInstance } from "./store/filled-instance";

/**
 * Issue 10's year: 365 days of a 10,000-a-day center, synced into each database, served by
 * an app instance (the real route handlers in a process of their own). "Open" is what the
 * page asks of a paged view: the mode, then the charts, the conversation figures and the
 * first page together; timed as the page waits for them, cold and again, then narrowed to
 * one agent's extension. The server's resident memory after it all.
 */

const DAYS = Number(process.env.BENCH_YEAR_DAYS ?? 365);
const BUDGET_POSTGRES_MS = 3_000;

interface Asked {
  ms: number;
  body: unknown;
}

async function ask(app: AppInstance, path: string): Promise<Asked> {
  const started = performance.now();
  const response = await fetch(`${app.origin}${path}`, { headers: app.headers });
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
  return { ms: performance.now() - started, body };
}

/** The page's questions for a view: the mode, then charts, conversations and page 0. */
async function openView(app: AppInstance, search: string) {
  const started = performance.now();
  const mode = await ask(app, `/api/calls/mode?${search}`);
  const [charts, conversations, page] = await Promise.all([
    ask(app, `/api/calls/figures?${search}&part=charts`),
    ask(app, `/api/calls/figures?${search}&part=conversations`),
    ask(app, `/api/calls/page?${search}&offset=0&limit=200`),
  ]);
  const total = performance.now() - started;
  const limited = (conversations.body as { limited?: { records: number; max: number } }).limited;
  const records = (charts.body as { records?: number }).records ?? 0;
  return {
    total,
    chartsAt: mode.ms + charts.ms,
    detail:
      `mode ${ms(mode.ms)}, charts ${ms(charts.ms)}, conversations ${ms(conversations.ms)}` +
      `${limited ? ` (limited: ${count(limited.records)} > ${count(limited.max)})` : ""}, ` +
      `page ${ms(page.ms)}; ${count(records)} records`,
  };
}

function rssOf(app: AppInstance): number {
  const status = readFileSync(`/proc/${app.child.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function measure(
  label: string,
  open: () => Promise<DatabaseHandle>,
  env: Record<string, string>,
  budgetMs?: number,
): Promise<string[]> {
  // the fill asks for a year at once: more than the upstream's 30 a minute
  const fill = { label, days: DAYS, open, env, rateLimit: 100_000 };
  return withFilledInstance(fill, async (app, sim, now) => {
    const range = new URLSearchParams({
      from: new Date(now - DAYS * DAY_MS).toISOString(),
      to: new Date(now).toISOString(),
      tz: "Asia/Jerusalem",
    }).toString();
    const cold = await openView(app, range);
    const again = await openView(app, range);
    const agent = await openView(app, `${range}&ext=${agentExtension(sim, now)}`);
    const budget =
      budgetMs === undefined
        ? undefined
        : { text: `≤ ${budgetMs} ms`, within: cold.chartsAt <= budgetMs };
    return [
      figure(`${label}: open → charts (cold)`, ms(cold.chartsAt), budget),
      figure(`${label}: open → every answer (cold)`, seconds(cold.total)),
      note(cold.detail),
      figure(`${label}: open again → every answer`, seconds(again.total)),
      note(again.detail),
      figure(`${label}: one agent's extension → every answer`, seconds(agent.total)),
      note(agent.detail),
      figure(`${label}: server resident memory after`, mb(rssOf(app))),
    ];
  });
}

export const pagedYearSection: Section = {
  title: `13. A year (${DAYS} days) of a 10,000-a-day center, synced, opened beyond the threshold (an app instance in its own process)`,
  run: () =>
    onEachStoreDatabase(
      "bench_paged_year",
      ({ label, open, env }) =>
        measure(label, open, env, label === "PostgreSQL" ? BUDGET_POSTGRES_MS : undefined),
      // the budget's first
      ["PostgreSQL", "PGlite"],
    ),
};
