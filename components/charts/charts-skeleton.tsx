"use client";

import { useTranslations } from "next-intl";

import { CHART_HEIGHT } from "./chart-theme";

function CardSkeleton({ className = "" }: { className?: string }) {
  return (
    <div
      className={`rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="mb-3 h-5 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div
        className="animate-pulse rounded bg-slate-100 dark:bg-slate-800"
        style={{ height: CHART_HEIGHT }}
      />
      <div className="mt-2 h-6" />
    </div>
  );
}

/** Holds the charts' place, same layout and plot height, while Recharts or the calls load. */
export function ChartsSkeleton() {
  const t = useTranslations("charts");
  return (
    <div role="status" aria-busy="true" className="grid gap-4 lg:grid-cols-2">
      <span className="sr-only">{t("loading")}</span>
      <CardSkeleton className="lg:col-span-2" />
      <CardSkeleton />
      <CardSkeleton />
    </div>
  );
}
