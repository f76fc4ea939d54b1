"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { Button } from "@/components/ui/button";
import type { TimeRange } from "@/lib/analytics/buckets";
import { computeHeatmap } from "@/lib/analytics/heatmap";
import { heatLevels, heatmapValue } from "@/lib/analytics/heatmap-levels";
import type { Conversation } from "@/lib/conversations/conversation";
import { hourSpan, weekdayName } from "@/lib/format/week-hour";
import { isValidTimeZone } from "@/lib/time/time-zone";
import { HEATMAP_METRICS, type HeatmapMetric, type WeekHour } from "@/lib/view-state/parsers";

import { HeatmapGrid } from "./heatmap-grid";

export interface HeatmapPanelProps {
  /** The conversations in view, every local filter applied but the heatmap's own cell. */
  conversations: readonly Conversation[];
  timeZone: string;
  range: TimeRange;
  metric: HeatmapMetric;
  selected: WeekHour | null;
  onMetric: (metric: HeatmapMetric) => void;
  /** A cell was chosen (or the chosen one again: null). */
  onSelect: (cell: WeekHour | null) => void;
}

/**
 * Conversations by local hour and weekday, in the viewer's zone: volume, answer rate or
 * missed. A real table (weekdays × hours, each cell a labelled button) whose cells filter
 * the page to that hour of that weekday; colour always accompanies the figure's text.
 */
export function HeatmapPanel(props: HeatmapPanelProps) {
  const { conversations, metric, range, selected } = props;
  const t = useTranslations("heatmap");
  const format = useFormatter();
  const locale = useLocale();
  const zone = isValidTimeZone(props.timeZone) ? props.timeZone : "UTC";
  const heatmap = useMemo(
    () => computeHeatmap(conversations, { timeZone: zone, range }),
    [conversations, zone, range],
  );
  const levels = useMemo(() => heatLevels(heatmap.cells, metric), [heatmap, metric]);

  const cells = heatmap.cells.map((cell, i) => {
    const value = heatmapValue(cell, metric);
    const shown =
      value === null
        ? "—"
        : metric === "answerRate"
          ? format.number(value, { style: "percent", maximumFractionDigits: 0 })
          : format.number(value);
    const when = `${weekdayName(cell.weekday, locale)} ${hourSpan(cell.hour)}`;
    // An hour the range does not contain (a weekday outside it, the hour a DST day skips).
    if (cell.hours === 0 && cell.conversations === 0) {
      return {
        weekday: cell.weekday,
        hour: cell.hour,
        level: null,
        text: "",
        label: t("notInRange", { when }),
        inRange: false,
      };
    }
    return {
      weekday: cell.weekday,
      hour: cell.hour,
      inRange: true,
      level: levels[i] ?? null,
      text: shown,
      label: t(`cell.${metric}`, {
        when,
        value: shown,
        count: value ?? 0,
        offered: cell.offered,
        hours: cell.hours,
      }),
    };
  });

  return (
    <ChartCard
      title={t("title")}
      subtitle={t("subtitle", { timeZone: zone })}
      footer={heatmap.outside > 0 ? t("outside", { count: heatmap.outside }) : undefined}
    >
      <div className="flex flex-col gap-3">
        <div role="group" aria-label={t("metric")} className="flex flex-wrap items-center gap-1">
          <span aria-hidden="true" className="me-1 text-xs text-slate-600 dark:text-slate-400">
            {t("metric")}
          </span>
          {HEATMAP_METRICS.map((m) => (
            <Button
              key={m}
              size="sm"
              aria-pressed={m === metric}
              onClick={() => props.onMetric(m)}
              data-testid={`heatmap-metric-${m}`}
            >
              {t(`metrics.${m}`)}
            </Button>
          ))}
        </div>
        <HeatmapGrid
          caption={t("caption", { metric: t(`metrics.${metric}`), timeZone: zone })}
          metric={metric}
          cells={cells}
          selected={selected}
          weekdayLabel={(d) => weekdayName(d, locale, "short")}
          weekdayFullLabel={(d) => weekdayName(d, locale)}
          onSelect={props.onSelect}
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {t(selected ? "hintSelected" : "hint")}
        </p>
      </div>
    </ChartCard>
  );
}
