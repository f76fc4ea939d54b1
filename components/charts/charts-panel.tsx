"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import { callVolume, type CallVolume, type TimeRange } from "@/lib/analytics/buckets";
import {
  durationHistogram,
  type DurationHistogram as DurationHistogramFigures,
} from "@/lib/analytics/histogram";
import { countByStatus, type StatusCount } from "@/lib/analytics/status-counts";
import type { ApiCall } from "@/lib/api/calls-response";
import { isValidTimeZone } from "@/lib/time/time-zone";
import type { DialStatus } from "@/lib/voicenter/dial-statuses";

import { ChartCard } from "./chart-card";
import { DurationHistogram } from "./duration-histogram";
import { StatusChart } from "./status-chart";
import { VolumeChart } from "./volume-chart";

export interface ChartsPanelProps {
  calls: readonly ApiCall[];
  /** The viewer's IANA time zone; an unknown one falls back to UTC rather than breaking the page. */
  timeZone: string;
  /** The range the calls were asked for, epoch ms, `to` exclusive. */
  range: TimeRange;
  onStatusClick?: (status: DialStatus) => void;
}

/** The three charts over the loaded calls; Recharts sees aggregates only, never rows. */
export function ChartsPanel({ calls, timeZone, range, onStatusClick }: ChartsPanelProps) {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const { from, to } = range;

  const volume = useMemo(
    () => callVolume(calls, { timeZone: zone, range: { from, to } }),
    [calls, zone, from, to],
  );
  const statuses = useMemo(() => countByStatus(calls), [calls]);
  const histogram = useMemo(() => durationHistogram(calls), [calls]);
  return (
    <ChartsView
      volume={volume}
      statuses={statuses}
      histogram={histogram}
      onStatusClick={onStatusClick}
    />
  );
}

export interface ChartsViewProps {
  volume: CallVolume;
  statuses: readonly StatusCount[];
  histogram: DurationHistogramFigures;
  onStatusClick?: (status: DialStatus) => void;
}

/** The three charts of figures computed elsewhere (the server's, beyond the threshold). */
export function ChartsView({ volume, statuses, histogram, onStatusClick }: ChartsViewProps) {
  const t = useTranslations("charts");
  const zone = volume.timeZone;

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        className="lg:col-span-2"
        title={t(volume.unit === "hour" ? "volume.titleHour" : "volume.titleDay")}
        subtitle={t("volume.zone", { timeZone: zone })}
        footer={volume.outside > 0 ? t("volume.outside", { count: volume.outside }) : undefined}
      >
        <VolumeChart volume={volume} />
      </ChartCard>
      <ChartCard title={t("status.title")}>
        <StatusChart counts={statuses} onStatusClick={onStatusClick} />
      </ChartCard>
      <ChartCard
        title={t("histogram.title")}
        subtitle={t("histogram.counted", { count: histogram.counted })}
        footer={
          histogram.withoutDuration > 0
            ? t("histogram.withoutDuration", { count: histogram.withoutDuration })
            : undefined
        }
      >
        <DurationHistogram histogram={histogram} />
      </ChartCard>
    </div>
  );
}
