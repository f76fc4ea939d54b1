"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";

import { Card } from "@/components/ui/card";
import type { AdminSyncReport } from "@/lib/api/admin-sync";

import { useFormatInstant } from "./format";

type Span = AdminSyncReport["coverage"][number];

const TONE = {
  settled: "bg-emerald-500 dark:bg-emerald-400",
  unsettled: "bg-sky-400 dark:bg-sky-500",
  incomplete: "bg-amber-400 dark:bg-amber-500",
} as const;

function kindOf(span: Span): keyof typeof TONE {
  return !span.complete ? "incomplete" : span.settled ? "settled" : "unsettled";
}

/** The covered spans on one time axis, from the backfill's horizon (or the oldest span) to now. */
export function CoverageTimeline({ report }: { report: AdminSyncReport }) {
  const t = useTranslations("admin.sync.coverage");
  const at = useFormatInstant();
  const end = Date.parse(report.now);
  const oldest = Math.min(...report.coverage.map((s) => Date.parse(s.from)), end);
  const start = report.backfill.horizon
    ? Math.min(Date.parse(report.backfill.horizon), oldest)
    : oldest;
  const length = Math.max(1, end - start);
  const percent = (ms: number) =>
    `${(Math.max(0, Math.min(1, (ms - start) / length)) * 100).toFixed(3)}%`;
  return (
    <Card as="section" className="p-4" aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("hint")}</p>
      {report.coverage.length === 0 ? (
        <p className="mt-3 text-sm">{t("none")}</p>
      ) : (
        <>
          <div
            className="relative mt-3 h-6 overflow-hidden rounded bg-slate-100 dark:bg-slate-800"
            data-testid="coverage-bar"
          >
            {report.coverage.map((span) => {
              const label = t("span", {
                from: at(span.from),
                to: at(span.to),
                fetched: at(span.fetchedAt),
              });
              return (
                <span
                  key={`${span.from}-${span.complete}`}
                  title={`${t(kindOf(span))}: ${label}`}
                  className={clsx("absolute inset-y-0", TONE[kindOf(span)])}
                  style={{
                    insetInlineStart: percent(Date.parse(span.from)),
                    width: `calc(${percent(Date.parse(span.to))} - ${percent(Date.parse(span.from))})`,
                    minWidth: "1px",
                  }}
                />
              );
            })}
          </div>
          <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
            <span>{at(new Date(start).toISOString())}</span>
            <span>{at(report.now)}</span>
          </div>
          <ul className="mt-2 flex flex-wrap gap-3 text-xs">
            {(["settled", "unsettled", "incomplete"] as const).map((kind) => (
              <li key={kind} className="flex items-center gap-1">
                <span className={clsx("inline-block size-3 rounded-sm", TONE[kind])} aria-hidden />
                {t(kind)}
              </li>
            ))}
            <li className="flex items-center gap-1">
              <span
                className="inline-block size-3 rounded-sm bg-slate-100 dark:bg-slate-800"
                aria-hidden
              />
              {t("gap")}
            </li>
          </ul>
          <ul className="sr-only">
            {report.coverage.slice(-20).map((span) => (
              <li key={`${span.from}-${span.complete}`}>
                {t(kindOf(span))}:{" "}
                {t("span", { from: at(span.from), to: at(span.to), fetched: at(span.fetchedAt) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
