"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useCallback, useMemo } from "react";

import { useCan } from "@/components/auth/principal-context";
import { exportFilename } from "@/components/calls-page/export-filename";
import { TableToolbar } from "@/components/calls-table/table-toolbar";
import { ChartsSkeleton } from "@/components/charts/charts-skeleton";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import type { Dashboard } from "@/components/dashboard/use-dashboard";
import { KpiSkeleton } from "@/components/kpis/kpi-skeleton";
import { Button } from "@/components/ui/button";
import { ShareButton } from "@/components/view-state/share-button";
import type { ApiCall } from "@/lib/api/calls-response";
import { formatDateTime } from "@/lib/format/date-time";
import { pagedSearch } from "@/lib/paged/view-params";

import {
  pagedChartsQueryOptions,
  pagedConversationsQueryOptions,
  pagedModeQueryOptions,
} from "./paged-queries";
import { PagedCallsTable } from "./paged-table";
import { usePagedRows } from "./use-paged-rows";

const KpiStrip = dynamic(() => import("@/components/kpis/kpi-strip").then((m) => m.KpiStrip), {
  ssr: false,
  loading: () => <KpiSkeleton />,
});
const ChartsView = dynamic(
  () => import("@/components/charts/charts-panel").then((m) => m.ChartsView),
  {
    ssr: false,
    loading: () => <ChartsSkeleton />,
  },
);
const CallDetails = dynamic(
  () => import("@/components/calls-page/call-details").then((m) => m.CallDetails),
  { ssr: false },
);
const noLegs = () => undefined;

/**
 * `/calls` beyond the threshold (CALLBOARD_PAGED_THRESHOLD): the KPIs and charts computed on
 * the server from the store, the table a page at a time as the user scrolls; a note says so.
 * The table lists records here (conversations need every record of the range in one place,
 * which is what this mode avoids); the KPIs still count conversations, on the server.
 */
export function PagedCallsView({ dashboard }: { dashboard: Dashboard }) {
  const { view, setView, timeZone, request, range, filters, sorting, visibleColumns } = dashboard;
  const t = useTranslations("paged");
  const tc = useTranslations("calls");
  const locale = useLocale();
  const base = request.ok ? request.search : "";
  const figureParams = useMemo(
    () => ({ filters, abandonS: view.abandonS, slaS: view.slaS, tz: timeZone, locale }),
    [filters, view.abandonS, view.slaS, timeZone, locale],
  );
  // The figures do not depend on the sort or the columns: a new sort asks only for pages.
  const figuresSearch = `${base}&${pagedSearch({ ...figureParams, sort: [], cols: null })}`;
  const search = useMemo(
    () =>
      `${base}&${pagedSearch({
        ...figureParams,
        sort: sorting.map((s) => ({ id: s.id, desc: s.desc })),
        cols: [...visibleColumns],
      })}`,
    [base, figureParams, sorting, visibleColumns],
  );
  const mode = useQuery(pagedModeQueryOptions(base, true)).data;
  const missing = mode?.missing?.[0]
    ? {
        longest: mode.missing[0],
        total: mode.missing.reduce((sum, gap) => sum + gap.to - gap.from, 0),
      }
    : null;
  const charts = useQuery(pagedChartsQueryOptions(figuresSearch));
  const figures = useQuery(pagedConversationsQueryOptions(figuresSearch));
  const rows = usePagedRows(search);
  const canExport = useCan("calls.export");

  const exportCsv = useCallback(() => {
    const link = document.createElement("a");
    link.href = `/api/calls/export?${search}`;
    link.download = exportFilename(range, timeZone);
    link.click();
  }, [search, range, timeZone]);
  const openCall = useCallback((call: ApiCall) => void setView({ call: call.CallID }), [setView]);
  const error = charts.error ?? figures.error ?? rows.error;

  return (
    <main className="flex flex-col pb-8">
      <h1 className="sr-only">{tc("title")}</h1>
      <DashboardFilters dashboard={dashboard} />
      <div className="flex flex-col gap-4 px-4 pt-4">
        <p
          role="note"
          aria-label={t("noteLabel")}
          data-testid="paged-note"
          className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
        >
          {t("note", { count: mode?.count ?? 0, threshold: mode?.threshold ?? 0 })}
          {missing ? (
            <span data-testid="paged-missing" className="mt-1 block font-medium">
              {t("missing", {
                days: Math.max(1, Math.round(missing.total / 86_400_000)),
                from: formatDateTime(missing.longest.from, { locale, timeZone }),
                to: formatDateTime(missing.longest.to, { locale, timeZone }),
              })}
            </span>
          ) : null}
        </p>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {t("failed", { message: error.message })}
          </p>
        ) : null}
        {figures.data && "limited" in figures.data ? (
          <p
            role="note"
            data-testid="figures-limited"
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          >
            {t("limited", figures.data.limited)}
          </p>
        ) : figures.data ? (
          <KpiStrip
            conversations={null}
            computed={{
              kpis: figures.data.kpis as never,
              callbacks: figures.data.callbacks as never,
            }}
            options={{ shortAbandonSeconds: view.abandonS, serviceLevelSeconds: view.slaS }}
            now={range?.to ?? 0}
            stale={figures.isPlaceholderData}
          />
        ) : (
          <KpiSkeleton />
        )}
        {charts.data ? (
          <ChartsView
            volume={charts.data.volume as never}
            statuses={charts.data.statuses as never}
            histogram={charts.data.histogram}
            onStatusClick={(status) => void setView({ status: [status], call: null })}
          />
        ) : (
          <ChartsSkeleton />
        )}
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("heatmap")}</p>
        <TableToolbar
          visibleColumns={visibleColumns}
          onVisibleColumnsChange={dashboard.setColumns}
          onExport={canExport ? exportCsv : undefined}
          exportDisabled={!rows.total}
        >
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm font-medium" data-testid="call-count" aria-live="polite">
              {rows.total === undefined ? t("counting") : t("count", { count: rows.total })}
            </p>
            <ShareButton />
            <Button size="sm" onClick={dashboard.refresh}>
              {tc("refresh")}
            </Button>
          </div>
        </TableToolbar>
        <PagedCallsTable
          rows={rows}
          sorting={sorting}
          onSortingChange={dashboard.setSorting}
          visibleColumns={visibleColumns}
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
          calls={rows.calls}
          conversations={null}
          shown={rows.calls}
          legsOf={noLegs}
          sorting={sorting}
          timeZone={timeZone}
          range={range}
          onOpen={(id) => void setView({ call: id })}
          onClose={() => void setView({ call: null })}
        />
      ) : null}
    </main>
  );
}
