"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useCallback, useDeferredValue, useMemo } from "react";

import { useCan } from "@/components/auth/principal-context";
import { CallsTable } from "@/components/calls-table/calls-table";
import { TableToolbar } from "@/components/calls-table/table-toolbar";
import { useExportCalls } from "@/components/calls-table/use-export-calls";
import { LazyChartsPanel } from "@/components/charts/lazy-charts-panel";
import { FilterBar } from "@/components/filters/filter-bar";
import { KpiStrip } from "@/components/kpis/kpi-strip";
import { Button } from "@/components/ui/button";
import { ShareButton } from "@/components/view-state/share-button";
import { useMounted, useViewState } from "@/components/view-state/use-view-state";
import type { ApiCall } from "@/lib/api/calls-response";
import { callsQueryOptions, loadProgressQueryOptions } from "@/lib/api/query-options";
import { createLabeler } from "@/lib/format/labels";
import { wallTimeAt } from "@/lib/time/time-zone";
import { filterCallsLocally } from "@/lib/view-state/local-filter";
import { CLEARED_FILTERS } from "@/lib/view-state/parsers";

import { CallsStatus } from "./calls-status";

const EMPTY: readonly ApiCall[] = [];

// The drawer and its player load when a call is opened, not with the page.
const CallDetails = dynamic(() => import("./call-details").then((m) => m.CallDetails), {
  ssr: false,
});

/** `callboard-calls-2026-11-17-2026-11-24.csv`: the range's local days. */
function exportFilename(range: { from: number; to: number } | null, timeZone: string): string {
  if (!range) return "callboard-calls.csv";
  const day = (ms: number) => {
    const w = wallTimeAt(ms, timeZone);
    return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
  };
  const [from, to] = [day(range.from), day(range.to - 1)];
  return from === to ? `callboard-calls-${from}.csv` : `callboard-calls-${from}-${to}.csv`;
}

export function CallsView({ defaultTimeZone }: { defaultTimeZone: string }) {
  const mounted = useMounted();
  const state = useViewState(defaultTimeZone);
  const { view, setView, request, timeZone } = state;
  const t = useTranslations("calls");
  const tt = useTranslations("table");
  const labels = useMemo(() => createLabeler((key) => tt(key)), [tt]);

  const query = useQuery(callsQueryOptions(request, { enabled: mounted }));

  const calls = query.data?.calls ?? EMPTY;
  const shown = useMemo(() => filterCallsLocally(calls, view), [calls, view]);
  const range = useMemo(
    () => (request.ok ? { from: request.query.from, to: request.query.to } : null),
    [request],
  );
  // The table paints first; the charts (the dearest render) follow in a deferred pass.
  const chartCalls = useDeferredValue(shown, EMPTY);
  const exporter = useExportCalls({
    calls: shown,
    sorting: state.sorting,
    visibleColumns: state.visibleColumns,
    timeZone,
    filename: exportFilename(range, timeZone),
  });

  const canExport = useCan("calls.export");
  const exportProblem = exporter.refusal
    ? tt(exporter.refusal.code === "network" ? "toolbar.exportNetwork" : "toolbar.exportRefused")
    : undefined;

  const openCall = useCallback((call: ApiCall) => void setView({ call: call.CallID }), [setView]);
  const loading = !mounted || (request.ok && query.isPending);
  const progressQuery = useQuery(loadProgressQueryOptions(request, { active: query.isFetching }));
  const progress = query.isFetching ? (progressQuery.data ?? null) : null;

  return (
    <main className="flex flex-col gap-4 pb-8">
      <FilterBar
        values={view}
        effectiveRange={
          range
            ? { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() }
            : null
        }
        timeZone={timeZone}
        problem={request.ok ? null : { param: request.param, message: request.message }}
        onChange={(patch) => void setView({ ...patch, call: null })}
        onReset={() => void setView(CLEARED_FILTERS)}
        typeLabel={(id) => labels.callType(id, undefined)}
        statusLabel={(s) => labels.status(s)}
      />
      <div className="flex flex-col gap-4 px-4">
        <CallsStatus
          query={query}
          loading={loading}
          progress={progress}
          refreshing={query.isFetching && !query.isPending}
          empty={!loading && query.isSuccess && calls.length === 0}
          onWiden={() => void setView({ range: "last30Days", from: null, to: null })}
          onRetry={() => void query.refetch()}
        />
        <KpiStrip
          calls={shown}
          loading={loading}
          shortAbandonSeconds={view.abandonS}
          serviceLevelSeconds={view.slaS}
        />
        {range ? (
          <LazyChartsPanel
            calls={chartCalls}
            loading={loading || chartCalls !== shown}
            timeZone={timeZone}
            range={range}
            onStatusClick={(status) => void setView({ status: [status], call: null })}
          />
        ) : null}
        <TableToolbar
          visibleColumns={state.visibleColumns}
          onVisibleColumnsChange={state.setColumns}
          onExport={canExport ? exporter.exportCsv : undefined}
          exportProblem={exportProblem}
          exporting={exporter.exporting}
          exportDisabled={shown.length === 0 || exporter.exporting}
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
                      count: shown.length,
                      total: query.data.upstreamTotal ?? query.data.total,
                    })
                  : t("count", { count: shown.length })}
              {shown.length !== calls.length ? (
                <span className="ms-1 font-normal text-slate-500 dark:text-slate-400">
                  {t("ofLoaded", { count: calls.length })}
                </span>
              ) : null}
            </p>
            <ShareButton />
            <Button size="sm" onClick={state.refresh}>
              {t("refresh")}
            </Button>
          </div>
        </TableToolbar>
        <CallsTable
          calls={shown}
          sorting={state.sorting}
          onSortingChange={state.setSorting}
          visibleColumns={state.visibleColumns}
          onVisibleColumnsChange={state.setColumns}
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
          shown={shown}
          sorting={state.sorting}
          timeZone={timeZone}
          range={range}
          onOpen={(id) => void setView({ call: id })}
          onClose={() => void setView({ call: null })}
        />
      ) : null}
    </main>
  );
}
