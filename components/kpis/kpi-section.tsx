"use client";

import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";

import type { Dashboard } from "@/components/dashboard/use-dashboard";
import { Button } from "@/components/ui/button";

import { KpiSkeleton } from "./kpi-skeleton";

// The figures' code (and the KPI functions) load after hydration, with the calls.
const KpiStrip = dynamic(() => import("./kpi-strip").then((m) => m.KpiStrip), {
  ssr: false,
  loading: () => <KpiSkeleton />,
});

/** The KPI strip and its "compare with the previous period" switch (`compare` in the URL). */
export function KpiSection({ dashboard }: { dashboard: Dashboard }) {
  const t = useTranslations("kpis.compare");
  const format = useFormatter();
  const { view, setView, conversations, previous, previousRange, range, loading } = dashboard;
  const when = (ms: number) =>
    format.dateTime(ms, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: dashboard.timeZone,
    });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          aria-pressed={view.compare}
          onClick={() => void setView({ compare: view.compare ? null : true })}
          data-testid="compare-toggle"
        >
          {t("toggle")}
        </Button>
        {view.compare && previousRange ? (
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="compare-range">
            {t("against", { from: when(previousRange.from), to: when(previousRange.to) })}
          </p>
        ) : null}
      </div>
      {loading || !conversations ? (
        <KpiSkeleton />
      ) : (
        <KpiStrip
          conversations={conversations.shown.conversations}
          previous={view.compare ? (previous?.conversations ?? null) : undefined}
          options={{ shortAbandonSeconds: view.abandonS, serviceLevelSeconds: view.slaS }}
          now={range?.to ?? 0}
          stale={dashboard.conversationsStale}
        />
      )}
    </div>
  );
}
