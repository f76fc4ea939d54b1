"use client";

import { useSearchParams } from "next/navigation";

import { FiguresTable, type FigureColumn } from "@/components/figures-table/figures-table";
import { ShareButton } from "@/components/view-state/share-button";
import { dashboardHref } from "@/lib/navigation/dashboard-pages";

import { DashboardFilters } from "./dashboard-filters";
import type { Dashboard } from "./use-dashboard";

export interface FiguresPageTexts {
  title: string;
  intro: string;
  /** "33 agents in 2,877 conversations", once computed. */
  count: string | null;
  empty: string;
  caption: string;
  total: string;
}

interface FiguresPageProps<R> {
  dashboard: Dashboard;
  texts: FiguresPageTexts;
  /** Null while the conversations load or are grouped. */
  rows: readonly R[] | null;
  columns: readonly FigureColumn<R>[];
  rowKey: (row: R) => string;
  /** The drill-down filter a row sets on /calls (`{ agent: "code:7" }`). */
  drillDown: (row: R) => Record<string, string>;
  rowLinkLabel: (row: R) => string;
  testId: string;
}

/**
 * A figures page (agents, queues): the shared filter bar, a heading saying what is counted,
 * and the table, sorted as the URL says, each row opening its calls on /calls with the
 * page's filters.
 */
export function FiguresPage<R>({
  dashboard,
  texts,
  rows,
  drillDown,
  ...table
}: FiguresPageProps<R>) {
  const search = useSearchParams().toString();
  const loading = dashboard.loading || rows === null;
  return (
    <main className="flex flex-col pb-8">
      <h1 className="sr-only">{texts.title}</h1>
      <DashboardFilters dashboard={dashboard} />
      <section
        aria-labelledby="figures-title"
        aria-busy={loading || dashboard.conversationsStale}
        className="flex flex-col gap-3 px-4 pt-4"
      >
        <header className="flex flex-wrap items-end justify-between gap-3">
          <div className="max-w-3xl">
            <h2 id="figures-title" className="text-lg font-semibold">
              {texts.title}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{texts.intro}</p>
          </div>
          <div className="flex items-center gap-3">
            {texts.count && !loading ? (
              <p className="text-sm font-medium" data-testid="figures-count" aria-live="polite">
                {texts.count}
              </p>
            ) : null}
            <ShareButton />
          </div>
        </header>
        {loading ? (
          <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" />
        ) : rows.length === 0 ? (
          <p
            className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-700"
            data-testid="figures-empty"
          >
            {texts.empty}
          </p>
        ) : (
          <div className={dashboard.conversationsStale ? "opacity-60" : undefined}>
            <FiguresTable
              {...table}
              caption={texts.caption}
              totalLabel={texts.total}
              rows={rows}
              rowHref={(row) => dashboardHref("/calls", search, drillDown(row))}
              sort={dashboard.view.sort?.[0] ?? null}
              onSort={(next) => void dashboard.setView({ sort: [next] })}
            />
          </div>
        )}
      </section>
    </main>
  );
}
