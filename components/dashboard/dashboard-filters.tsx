"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { CallsStatus } from "@/components/calls-page/calls-status";
import { LiveToggle } from "@/components/calls-page/live-toggle";
import { DrillChips } from "@/components/filters/drill-chips";
import { FilterBar } from "@/components/filters/filter-bar";
import { UnreadLinkNotice } from "@/components/filters/unread-link-notice";
import { ViewsToolbar } from "@/components/saved-views/views-toolbar";
import { createLabeler } from "@/lib/format/labels";
import { CLEARED_FILTERS } from "@/lib/view-state/parsers";

import type { Dashboard } from "./use-dashboard";

/**
 * The saved views and the display zone, the filter bar every dashboard page shares (the same
 * URL parameters), the drill-down chips, and the load's status: loading, empty, error,
 * incomplete.
 */
export function DashboardFilters({ dashboard }: { dashboard: Dashboard }) {
  const { view, setView, request, range, timeZone, query, calls, loading } = dashboard;
  const tt = useTranslations("table");
  const labels = useMemo(() => createLabeler((key) => tt(key)), [tt]);
  return (
    <>
      <ViewsToolbar
        zone={timeZone}
        zoneSource={dashboard.timeZoneSource}
        urlZone={view.tz}
        onUrlZone={(tz) => void setView({ tz })}
      />
      <FilterBar
        values={view}
        effectiveRange={
          range
            ? { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() }
            : null
        }
        timeZone={timeZone}
        problem={
          request.ok || request.pending ? null : { param: request.param, message: request.message }
        }
        onChange={(patch) => void setView({ ...patch, call: null })}
        onReset={() => void setView(CLEARED_FILTERS)}
        typeLabel={(id) => labels.callType(id, undefined)}
        statusLabel={(s) => labels.status(s)}
      >
        <DrillChips
          values={view}
          agentName={dashboard.conversations?.agentName}
          onRemove={(filter) => void setView({ [filter]: null, call: null })}
        />
      </FilterBar>
      <div className="flex flex-col gap-4 px-4 pt-4 empty:hidden">
        <UnreadLinkNotice view={view} onLeaveOut={(patch) => void setView(patch)} />
        <CallsStatus
          query={query}
          loading={loading}
          progress={dashboard.progress}
          onCancel={dashboard.fetching ? dashboard.cancel : undefined}
          refreshing={query.isFetching && !query.isPending}
          empty={!loading && query.isSuccess && calls.length === 0}
          onWiden={() => void setView({ range: "last30Days", from: null, to: null })}
          onRetry={() => void query.refetch()}
        />
        <LiveToggle
          state={dashboard.live.state}
          wanted={dashboard.live.wanted}
          onChange={dashboard.live.setWanted}
          added={dashboard.live.added?.ids.size ?? 0}
        />
      </div>
    </>
  );
}
