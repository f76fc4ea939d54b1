"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

import type { CallVolume, VolumeBucket } from "@/lib/analytics/buckets";
import { OUTCOMES } from "@/lib/analytics/outcomes";

import {
  AXIS_TICK,
  CHART_HEIGHT,
  countAxisProps,
  GRID_OPACITY,
  GRID_STROKE,
  OUTCOME_COLORS,
} from "./chart-theme";
import { ChartTooltipBox } from "./chart-tooltip";
import { OutcomeLegend } from "./outcome-legend";
import { useChartLocale } from "./use-chart-locale";

export interface VolumeChartProps {
  /** From callVolume, in the viewer's time zone. */
  volume: CallVolume;
}

/** Date formatters for one locale and zone: ticks and tooltip titles, hourly or daily. */
function useBucketFormatters(locale: string, timeZone: string) {
  return useMemo(
    () => ({
      hour: new Intl.DateTimeFormat(locale, {
        timeZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
      day: new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short" }),
      hourTitle: new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        // Tells the two 01:00 hours of a fall-back day apart.
        timeZoneName: "short",
      }),
      dayTitle: new Intl.DateTimeFormat(locale, {
        timeZone,
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
      }),
    }),
    [locale, timeZone],
  );
}

/** Calls per hour or per day, stacked by outcome; x labels in the viewer's zone and locale. */
export function VolumeChart({ volume }: VolumeChartProps) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const { locale, rtl } = useChartLocale();
  const formatters = useBucketFormatters(locale, volume.timeZone);
  const byStart = useMemo(() => new Map(volume.buckets.map((b) => [b.start, b])), [volume.buckets]);
  const hourly = volume.unit === "hour";

  const tickLabel = (start: number): string => {
    const bucket = byStart.get(start);
    // Hourly ticks show the date where a local day begins.
    if (!hourly || (bucket?.wall.hour === 0 && bucket.wall.minute === 0))
      return formatters.day.format(start);
    return formatters.hour.format(start);
  };

  return (
    <>
      <div dir="ltr">
        <BarChart
          responsive
          style={{ width: "100%", height: CHART_HEIGHT }}
          data={volume.buckets}
          margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
          barCategoryGap={hourly ? 1 : "15%"}
        >
          <CartesianGrid vertical={false} stroke={GRID_STROKE} strokeOpacity={GRID_OPACITY} />
          <XAxis
            dataKey="start"
            reversed={rtl}
            tickFormatter={tickLabel}
            tick={AXIS_TICK}
            stroke={GRID_STROKE}
            minTickGap={12}
          />
          <YAxis {...countAxisProps(rtl, (value) => format.number(value))} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={({ active, payload }) => {
              const bucket = payload[0]?.payload as VolumeBucket | undefined;
              if (!active || !bucket) return null;
              const title = (hourly ? formatters.hourTitle : formatters.dayTitle).format(
                bucket.start,
              );
              return (
                <ChartTooltipBox
                  title={title}
                  rows={[
                    ...OUTCOMES.map((outcome) => ({
                      key: outcome,
                      name: t(`outcomes.${outcome}`),
                      value: format.number(bucket[outcome]),
                      color: OUTCOME_COLORS[outcome],
                    })),
                    { key: "total", name: t("volume.total"), value: format.number(bucket.total) },
                  ]}
                />
              );
            }}
          />
          {OUTCOMES.map((outcome) => (
            <Bar
              key={outcome}
              dataKey={outcome}
              stackId="calls"
              name={t(`outcomes.${outcome}`)}
              isAnimationActive={false}
              fill={OUTCOME_COLORS[outcome]}
            />
          ))}
        </BarChart>
      </div>
      <OutcomeLegend />
    </>
  );
}
