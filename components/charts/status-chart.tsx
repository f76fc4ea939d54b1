"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";

import { Button } from "@/components/ui/button";
import type { StatusCount } from "@/lib/analytics/status-counts";
import type { CallOutcome, DialStatus } from "@/lib/voicenter/dial-statuses";

import { AXIS_TICK, CHART_HEIGHT, GRID_OPACITY, GRID_STROKE, OUTCOME_COLORS } from "./chart-theme";
import { ChartTooltipBox } from "./chart-tooltip";
import { useChartLocale } from "./use-chart-locale";

export interface StatusChartProps {
  /** From countByStatus; statuses with no calls are not drawn. */
  counts: readonly StatusCount[];
  /** Called with a contract status when its bar or its button is chosen. */
  onStatusClick?: (status: DialStatus) => void;
}

/** Room per bar for a label of up to two lines at 11 px: with 18 statuses, none touches the next. */
const ROW_HEIGHT = 30;
const AXIS_HEIGHT = 30;

interface StatusRow {
  key: string;
  label: string;
  count: number;
  outcome: CallOutcome;
  /** Set only for statuses the contract knows, which the table can filter by. */
  status?: DialStatus;
}

/** Calls by DialStatus as horizontal bars coloured by outcome, with an equivalent list of buttons. */
export function StatusChart({ counts, onStatusClick }: StatusChartProps) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const { rtl } = useChartLocale();

  const rows = useMemo<StatusRow[]>(
    () =>
      counts
        .filter((c) => c.count > 0)
        .sort((a, b) => b.count - a.count)
        .map((c) =>
          c.known
            ? {
                key: c.status,
                label: t(`statuses.${c.status}`),
                count: c.count,
                outcome: c.outcome,
                status: c.status,
              }
            : {
                key: `?${c.status}`,
                label:
                  c.status === "" ? t("status.none") : t("status.unknown", { status: c.status }),
                count: c.count,
                outcome: c.outcome,
              },
        ),
    [counts, t],
  );

  if (rows.length === 0) {
    return (
      <p className="flex items-center justify-center text-sm" style={{ height: CHART_HEIGHT }}>
        {t("empty")}
      </p>
    );
  }

  // The chart grows with the statuses present instead of squeezing their labels together.
  const height = Math.max(CHART_HEIGHT, rows.length * ROW_HEIGHT + AXIS_HEIGHT);
  const choose = (row: StatusRow | undefined) => {
    if (row?.status && onStatusClick) onStatusClick(row.status);
  };

  return (
    <>
      <div dir="ltr">
        <BarChart
          responsive
          style={{ width: "100%", height }}
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID_STROKE} strokeOpacity={GRID_OPACITY} />
          <XAxis
            type="number"
            allowDecimals={false}
            reversed={rtl}
            tick={AXIS_TICK}
            stroke={GRID_STROKE}
          />
          <YAxis
            type="category"
            dataKey="label"
            orientation={rtl ? "right" : "left"}
            width={150}
            interval={0}
            tick={{ ...AXIS_TICK, fontSize: 11 }}
            stroke={GRID_STROKE}
          />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={({ active, payload }) => {
              const row = payload[0]?.payload as StatusRow | undefined;
              if (!active || !row) return null;
              return (
                <ChartTooltipBox
                  title={row.label}
                  rows={[
                    {
                      key: "count",
                      name: t(`outcomes.${row.outcome}`),
                      value: format.number(row.count),
                      color: OUTCOME_COLORS[row.outcome],
                    },
                  ]}
                />
              );
            }}
          />
          <Bar
            dataKey="count"
            name={t("calls")}
            isAnimationActive={false}
            onClick={(bar) => choose(bar.payload as StatusRow | undefined)}
            shape={(props: BarShapeProps) => {
              const row = props.payload as StatusRow;
              return (
                <Rectangle
                  {...props}
                  fill={OUTCOME_COLORS[row.outcome]}
                  cursor={row.status && onStatusClick ? "pointer" : undefined}
                />
              );
            }}
          />
        </BarChart>
      </div>
      <ul aria-label={t("status.listLabel")} className="mt-3 flex flex-wrap gap-1.5">
        {rows.map((row) => {
          const content = (
            <>
              <span
                aria-hidden
                className="inline-block size-2.5 shrink-0 rounded-sm"
                style={{ backgroundColor: OUTCOME_COLORS[row.outcome] }}
              />
              <span>{row.label}</span>
              <span className="font-medium tabular-nums text-slate-900 dark:text-slate-100">
                {format.number(row.count)}
              </span>
            </>
          );
          return (
            <li key={row.key}>
              {row.status && onStatusClick ? (
                <Button
                  variant="chip"
                  size="pill"
                  onClick={() => choose(row)}
                  aria-label={t("status.filterBy", { status: row.label, count: row.count })}
                >
                  {content}
                </Button>
              ) : (
                <span className="inline-flex items-center gap-1.5 rounded-full border border-transparent px-2.5 py-1 text-xs">
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
