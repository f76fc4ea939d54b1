"use client";

import type { ReactNode } from "react";

import { useChartLocale } from "./use-chart-locale";

export interface TooltipRow {
  key: string;
  name: string;
  value: string;
  color?: string;
}

/** Tooltip body drawn with our own classes, so it follows dark mode and the page direction. */
export function ChartTooltipBox({
  title,
  rows,
}: {
  title: ReactNode;
  rows: readonly TooltipRow[];
}) {
  // Rendered inside the chart's dir="ltr" wrapper: take the page's direction back.
  const { rtl } = useChartLocale();
  return (
    <div
      dir={rtl ? "rtl" : "ltr"}
      className="rounded-md border border-slate-200 bg-white px-3 py-2 text-start text-xs shadow-md dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
    >
      <p className="mb-1 font-medium">{title}</p>
      <ul className="space-y-0.5">
        {rows.map((row) => (
          <li key={row.key} className="flex items-center gap-2">
            {row.color ? (
              <span
                aria-hidden
                className="inline-block size-2.5 rounded-sm"
                style={{ backgroundColor: row.color }}
              />
            ) : null}
            <span className="grow">{row.name}</span>
            <span className="ms-3 font-medium tabular-nums">{row.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
