"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";

import { useCan } from "@/components/auth/principal-context";
import { exportFilename } from "@/components/calls-page/export-filename";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { useDashboard } from "@/components/dashboard/use-dashboard";
import { Button } from "@/components/ui/button";
import { ShareButton } from "@/components/view-state/share-button";
import { callbackKpis, computeCallbacks } from "@/lib/analytics/callbacks";
import { rowRef, visibleRows, workMarks, type WorklistView } from "@/lib/callbacks/worklist";
import { dashboardHref } from "@/lib/navigation/dashboard-pages";

import { CallbackKpis } from "./callback-kpis";
import { CallbackPanel } from "./callback-panel";
import { useCallbackWork } from "./use-callback-work";
import { useExportWorklist } from "./use-export-worklist";
import { useSortedWorklist, WorklistTable } from "./worklist-table";
import { WorklistViews } from "./worklist-views";

/**
 * `/callbacks`: the missed callers nobody reached yet (and, on request, those closed), with
 * their work from the database; the figures above; the selected row's work beside.
 */
export function CallbacksView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const dashboard = useDashboard(defaultTimeZone);
  const t = useTranslations("callbacks");
  const tt = useTranslations("table");
  const search = useSearchParams().toString();
  const { view, setView, range, anchor, timeZone } = dashboard;
  const api = useCallbackWork(range, range !== null);
  const canExport = useCan("calls.export");

  const all = dashboard.conversations?.all.conversations;
  const shown = dashboard.conversations?.shown.conversations;
  const stored = api.work.data;
  const workReady = stored !== undefined || api.work.isError;
  const byKey = useMemo(() => new Map((stored ?? []).map((w) => [w.key, w])), [stored]);
  const rows = useMemo(
    () =>
      all && workReady
        ? computeCallbacks(all, { now: anchor, work: workMarks(stored ?? []) }).rows
        : null,
    [all, workReady, stored, anchor],
  );
  // Local filters (queue, agent, hour) pick rows by their misses; the rows saw every call.
  const shownIds = useMemo(
    () => (shown && shown !== all ? new Set(shown.map((c) => c.id)) : null),
    [shown, all],
  );
  const inView = useMemo(
    () => (rows ? visibleRows(rows, "all", shownIds) : null),
    [rows, shownIds],
  );
  const kpis = useMemo(() => (inView ? callbackKpis(inView) : null), [inView]);
  const listView: WorklistView = view.worklist;
  const listed = useMemo(
    () => (inView ? visibleRows(inView, listView, null) : []),
    [inView, listView],
  );
  const sort = view.sort?.[0] ?? null;
  const sorted = useSortedWorklist(listed, byKey, sort);
  const selectedRow = view.callback ? inView?.find((r) => r.key === view.callback) : undefined;
  const exporter = useExportWorklist({
    rows: sorted,
    work: byKey,
    timeZone,
    filename: exportFilename(range, timeZone).replace("callboard-calls", "callboard-callbacks"),
  });
  const upstreamFiltered = Boolean(
    view.queue?.length || view.type?.length || view.ext?.length || view.campaign?.length,
  );
  const loading = dashboard.loading || rows === null;

  return (
    <main className="flex flex-col pb-8">
      <h1 className="sr-only">{t("title")}</h1>
      <DashboardFilters dashboard={dashboard} />
      <section
        aria-labelledby="callbacks-title"
        aria-busy={loading || dashboard.conversationsStale}
        className="flex flex-col gap-3 px-4 pt-4"
      >
        <header className="flex flex-wrap items-end justify-between gap-3">
          <div className="max-w-3xl">
            <h2 id="callbacks-title" className="text-lg font-semibold">
              {t("title")}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {canExport ? (
              <Button
                size="sm"
                disabled={loading || exporter.exporting || sorted.length === 0}
                onClick={exporter.exportCsv}
                data-testid="worklist-export"
              >
                {exporter.exporting ? t("exporting") : t("export")}
              </Button>
            ) : null}
            <ShareButton />
          </div>
        </header>
        {exporter.refusal ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {tt(
              exporter.refusal.code === "network"
                ? "toolbar.exportNetwork"
                : "toolbar.exportRefused",
            )}
          </p>
        ) : null}
        <CallbackKpis kpis={loading ? null : kpis} rows={inView} />
        {api.work.isError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t("workError", { message: api.work.error.message })}
          </p>
        ) : null}
        {upstreamFiltered ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">{t("filteredHint")}</p>
        ) : null}
        <WorklistViews
          value={listView}
          counts={inView ? countByView(inView) : null}
          onChange={(next) => void setView({ worklist: next === "open" ? null : next })}
        />
        {loading ? (
          <div className="h-64 animate-pulse rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" />
        ) : (
          <div
            className={
              selectedRow || view.callback
                ? "grid grid-cols-[minmax(0,1fr)] items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]"
                : "grid grid-cols-[minmax(0,1fr)]"
            }
          >
            {sorted.length === 0 ? (
              <p
                className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-700"
                data-testid="worklist-empty"
              >
                {t(`empty.${listView}`)}
              </p>
            ) : (
              <div className={clsx("min-w-0", dashboard.conversationsStale && "opacity-60")}>
                <WorklistTable
                  rows={sorted}
                  work={byKey}
                  sort={sort}
                  onSort={(next) => void setView({ sort: [next] })}
                  selected={view.callback}
                  onSelect={(key) => void setView({ callback: key === view.callback ? null : key })}
                  onTake={(row) => api.change.mutate({ ...rowRef(row), assignee: "me" })}
                  callsHref={(row) => dashboardHref("/calls", search, { phone: row.number })}
                  timeZone={timeZone}
                />
              </div>
            )}
            {selectedRow ? (
              <CallbackPanel
                key={selectedRow.key}
                row={selectedRow}
                work={byKey.get(selectedRow.key)}
                api={api}
                timeZone={timeZone}
                onClose={() => void setView({ callback: null })}
              />
            ) : view.callback ? (
              <p className="rounded-lg border border-slate-200 px-4 py-3 text-sm dark:border-slate-700">
                {t("panel.missing")}
              </p>
            ) : null}
          </div>
        )}
      </section>
    </main>
  );
}

function countByView(rows: Parameters<typeof visibleRows>[0]): Record<WorklistView, number> {
  const open = rows.filter((r) => r.status === "open").length;
  return { open, done: rows.length - open, all: rows.length };
}
