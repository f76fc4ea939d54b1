"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useCallback, useDeferredValue, useMemo } from "react";

import { useCan } from "@/components/auth/principal-context";
import { CallsTable } from "@/components/calls-table/calls-table";
import { TableToolbar } from "@/components/calls-table/table-toolbar";
import { useExportCalls } from "@/components/calls-table/use-export-calls";
import { LazyChartsPanel } from "@/components/charts/lazy-charts-panel";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { useDashboard, type Dashboard } from "@/components/dashboard/use-dashboard";
import { LazyHeatmapPanel } from "@/components/heatmap/lazy-heatmap-panel";
import { KpiSection } from "@/components/kpis/kpi-section";
import { ReviewLink } from "@/components/review-page/review-link";
import { Button } from "@/components/ui/button";
import { ShareButton } from "@/components/view-state/share-button";
import type { ApiCall } from "@/lib/api/calls-response";

import { exportFilename } from "./export-filename";
import { RowModeSwitch } from "./row-mode-switch";

const EMPTY: readonly ApiCall[] = [];
const noLegs = () => undefined;

// Paged mode (a range beyond the threshold) loads its view when the server says it is on.
const PagedCallsView = dynamic(
  () => import("@/components/paged/paged-calls-view").then((m) => m.PagedCallsView),
  { ssr: false },
);

// The drawer and its player load when a call is opened, not with the page.
const CallDetails = dynamic(() => import("./call-details").then((m) => m.CallDetails), {
  ssr: false,
});

/**
 * `/calls`: KPIs, charts, the hour × weekday heatmap and the table, of conversations (one row
 * each, legs beneath) or of every record (`rows=records`).
 */
export function CallsView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const dashboard = useDashboard(defaultTimeZone, { paged: true });
  return dashboard.mode === "paged" ? (
    <PagedCallsView dashboard={dashboard} />
  ) : (
    <LoadedCallsView dashboard={dashboard} />
  );
}

/** Every call of the view loaded in the browser (up to the threshold). */
function LoadedCallsView({ dashboard }: { dashboard: Dashboard }) {
  const { view, setView, timeZone, range, calls, conversations, engine, query } = dashboard;
  const t = useTranslations("calls");
  const tt = useTranslations("table");
  const records = view.rows === "records";

  const shown = records ? dashboard.shownRecords : (conversations?.shown.rows ?? null);
  const rows = shown ?? EMPTY;
  const loading = dashboard.loading || shown === null;
  const legsOf = engine?.legsOfRow ?? noLegs;
  // The table paints first; the charts (the dearest render) follow in a deferred pass.
  const chartCalls = useDeferredValue(rows, EMPTY);
  const exporter = useExportCalls({
    calls: rows,
    sorting: dashboard.sorting,
    visibleColumns: dashboard.visibleColumns,
    timeZone,
    filename: exportFilename(range, timeZone),
  });

  const canExport = useCan("calls.export");
  const exportProblem = exporter.refusal
    ? tt(exporter.refusal.code === "network" ? "toolbar.exportNetwork" : "toolbar.exportRefused")
    : undefined;

  const openCall = useCallback((call: ApiCall) => void setView({ call: call.CallID }), [setView]);
  const loadedCount = records ? calls.length : (conversations?.all.rows.length ?? 0);
  const shownConversations = conversations?.shown.conversations;
  const recordCount = useMemo(
    () => shownConversations?.reduce((sum, c) => sum + c.legs.length, 0) ?? 0,
    [shownConversations],
  );

  return (
    <main className="flex flex-col pb-8">
      <h1 className="sr-only">{t("title")}</h1>
      <DashboardFilters dashboard={dashboard} />
      <div className="flex flex-col gap-4 px-4 pt-4">
        <KpiSection dashboard={dashboard} />
        {range ? (
          <LazyChartsPanel
            calls={chartCalls}
            loading={loading || chartCalls !== rows}
            timeZone={timeZone}
            range={range}
            onStatusClick={(status) => void setView({ status: [status], call: null })}
          />
        ) : null}
        {range ? (
          <LazyHeatmapPanel
            conversations={loading ? null : (conversations?.heatmap.conversations ?? null)}
            timeZone={timeZone}
            range={range}
            metric={view.heat}
            selected={view.when}
            onMetric={(heat) => void setView({ heat: heat === "volume" ? null : heat })}
            onSelect={(when) => void setView({ when, call: null })}
          />
        ) : null}
        <TableToolbar
          visibleColumns={dashboard.visibleColumns}
          onVisibleColumnsChange={dashboard.setColumns}
          onExport={canExport ? exporter.exportCsv : undefined}
          exportProblem={exportProblem}
          exporting={exporter.exporting}
          exportDisabled={rows.length === 0 || exporter.exporting}
        >
          <div className="flex flex-wrap items-center gap-3">
            <p
              className="text-sm font-medium"
              data-testid="call-count"
              data-complete={query.data ? String(query.data.complete) : undefined}
              aria-live="polite"
            >
              {loading
                ? t("loading")
                : query.data && !query.data.complete
                  ? t("countPartial", {
                      count: calls.length,
                      total: query.data.upstreamTotal ?? query.data.total,
                    })
                  : records
                    ? t("countRecords", { count: rows.length })
                    : t("countConversations", { count: rows.length, records: recordCount })}
              {!loading && rows.length !== loadedCount ? (
                <span className="ms-1 font-normal text-slate-500 dark:text-slate-400">
                  {t("ofLoaded", { count: loadedCount })}
                </span>
              ) : null}
            </p>
            <RowModeSwitch
              mode={view.rows}
              onChange={(mode) => void setView({ rows: mode === "conversations" ? null : mode })}
            />
            <ShareButton />
            <ReviewLink />
            <Button size="sm" onClick={dashboard.refresh}>
              {t("refresh")}
            </Button>
          </div>
        </TableToolbar>
        <CallsTable
          key={view.rows}
          calls={rows}
          getSubRows={records ? undefined : legsOf}
          sorting={dashboard.sorting}
          onSortingChange={dashboard.setSorting}
          visibleColumns={dashboard.visibleColumns}
          onVisibleColumnsChange={dashboard.setColumns}
          timeZone={timeZone}
          selectedCallId={view.call ?? undefined}
          onRowClick={openCall}
          className="h-[70vh] min-h-80"
        />
      </div>
      {view.call ? (
        <CallDetails
          callId={view.call}
          calls={calls}
          conversations={conversations?.all.conversations ?? null}
          shown={rows}
          legsOf={records ? noLegs : legsOf}
          sorting={dashboard.sorting}
          timeZone={timeZone}
          range={range}
          onOpen={(id) => void setView({ call: id })}
          onClose={() => void setView({ call: null })}
        />
      ) : null}
    </main>
  );
}
