"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

import type { DurationBin, DurationHistogram as Histogram } from "@/lib/analytics/histogram";

import {
  AXIS_TICK,
  CHART_HEIGHT,
  countAxisProps,
  GRID_OPACITY,
  GRID_STROKE,
  OUTCOME_COLORS,
} from "./chart-theme";
import { ChartTooltipBox } from "./chart-tooltip";
import { useChartLocale } from "./use-chart-locale";

export interface DurationHistogramProps {
  /** From durationHistogram: answered calls only. */
  histogram: Histogram;
}

interface BinRow extends DurationBin {
  label: string;
}

function formatSpan(format: Intl.NumberFormat, from: number, to: number): string {
  // formatRange is missing before Firefox 116, which Next's default browser list still covers.
  const range = (format as Partial<Pick<Intl.NumberFormat, "formatRange">>).formatRange;
  return range ? range.call(format, from, to) : `${format.format(from)}–${format.format(to)}`;
}

/** Bin labels in the locale: "1–10s", "2–5 min", "20 min+"; seconds up to a minute, minutes beyond. */
function useBinLabels(locale: string, atLeast: (from: string) => string) {
  return useMemo(() => {
    const seconds = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "second",
      unitDisplay: "narrow",
    });
    const minutes = new Intl.NumberFormat(locale, {
      style: "unit",
      unit: "minute",
      unitDisplay: "narrow",
    });
    return (bin: DurationBin): string => {
      const { fromSeconds: from, toSeconds: to } = bin;
      if (to === null) return atLeast(from < 60 ? seconds.format(from) : minutes.format(from / 60));
      if (from === 0 && to <= 1) return seconds.format(0);
      return to <= 60 ? formatSpan(seconds, from, to) : formatSpan(minutes, from / 60, to / 60);
    };
  }, [locale, atLeast]);
}

/** How long answered calls talked, in fixed bins. */
export function DurationHistogram({ histogram }: DurationHistogramProps) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const { locale, rtl } = useChartLocale();
  const atLeast = useMemo(() => (from: string) => t("histogram.atLeast", { from }), [t]);
  const labelOf = useBinLabels(locale, atLeast);
  const rows = useMemo<BinRow[]>(
    () => histogram.bins.map((bin) => ({ ...bin, label: labelOf(bin) })),
    [histogram.bins, labelOf],
  );

  if (histogram.counted === 0) {
    return (
      <p className="flex items-center justify-center text-sm" style={{ height: CHART_HEIGHT }}>
        {t("empty")}
      </p>
    );
  }

  return (
    <div dir="ltr">
      <BarChart
        responsive
        style={{ width: "100%", height: CHART_HEIGHT }}
        data={rows}
        margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
      >
        <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeOpacity={GRID_OPACITY} />
        <XAxis
          dataKey="label"
          reversed={rtl}
          interval={0}
          tick={{ ...AXIS_TICK, fontSize: 11 }}
          stroke={GRID_STROKE}
        />
        <YAxis {...countAxisProps(rtl, (value) => format.number(value))} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={({ active, payload }) => {
            const row = payload[0]?.payload as BinRow | undefined;
            if (!active || !row) return null;
            const share = format.number(row.count / histogram.counted, {
              style: "percent",
              maximumFractionDigits: 1,
            });
            return (
              <ChartTooltipBox
                title={row.label}
                rows={[
                  {
                    key: "count",
                    name: t("calls"),
                    value: `${format.number(row.count)} (${share})`,
                    color: OUTCOME_COLORS.answered,
                  },
                ]}
              />
            );
          }}
        />
        <Bar
          dataKey="count"
          name={t("calls")}
          fill={OUTCOME_COLORS.answered}
          isAnimationActive={false}
        />
      </BarChart>
    </div>
  );
}
