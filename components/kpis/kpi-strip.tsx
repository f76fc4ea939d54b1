"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useMemo } from "react";

import { Card } from "@/components/ui/card";
import { computeCallerStats, type CallerSummary } from "@/lib/analytics/callers";
import { computeKpis, type Kpis } from "@/lib/analytics/kpis";
import type { ApiCall } from "@/lib/api/calls-response";
import { formatDuration } from "@/lib/format/duration";
import { formatPrice } from "@/lib/format/price";
import type { CallOutcome } from "@/lib/voicenter/dial-statuses";

export interface KpiStripProps {
  calls: readonly ApiCall[];
  /** An abandoned call that rang less than this many seconds is a short abandon. */
  shortAbandonSeconds: number;
  /** Service level counts calls answered within this many seconds. */
  serviceLevelSeconds: number;
  loading?: boolean;
}

interface Tile {
  key: string;
  label: string;
  value: string;
  hint?: string;
  accent?: CallOutcome;
  /** Still showing figures of the previous calls while the new ones are computed. */
  stale?: boolean;
}

// Literal class names, so Tailwind sees them; border-s mirrors in right-to-left pages. Each
// has a dark: twin, or the tile's dark:border-slate-800 would paint over it in dark mode.
const ACCENT: Record<CallOutcome | "none", string> = {
  answered: "border-s-emerald-600 dark:border-s-emerald-500",
  missed: "border-s-amber-500 dark:border-s-amber-400",
  abandoned: "border-s-rose-600 dark:border-s-rose-500",
  failed: "border-s-slate-400 dark:border-s-slate-500",
  none: "border-s-slate-200 dark:border-s-slate-700",
};

const NO_CALLS: readonly ApiCall[] = [];

interface TileInputs {
  kpis: Kpis;
  callers: CallerSummary;
  callersStale: boolean;
  shortAbandonSeconds: number;
  serviceLevelSeconds: number;
}

function useTiles({
  kpis,
  callers,
  callersStale,
  shortAbandonSeconds,
  serviceLevelSeconds,
}: TileInputs): Tile[] {
  const t = useTranslations("kpis");
  const format = useFormatter();
  const locale = useLocale();
  const none = t("none");
  const percent = (ratio: number | null) =>
    ratio === null ? none : format.number(ratio, { style: "percent", maximumFractionDigits: 1 });

  return [
    {
      key: "total",
      label: t("total.label"),
      value: format.number(kpis.total),
      hint: t("total.hint", { failed: kpis.failed }),
    },
    {
      key: "answered",
      label: t("answered.label"),
      value: percent(kpis.answeredRate),
      hint: t("answered.hint", { count: kpis.answered, offered: kpis.offered }),
      accent: "answered",
    },
    {
      key: "missed",
      label: t("missed.label"),
      value: percent(kpis.missedRate),
      hint: t("missed.hint", { count: kpis.missed }),
      accent: "missed",
    },
    {
      key: "abandoned",
      label: t("abandoned.label"),
      value: percent(kpis.abandonedRate),
      hint: t("abandoned.hint", {
        count: kpis.abandoned,
        short: kpis.shortAbandoned,
        seconds: shortAbandonSeconds,
      }),
      accent: "abandoned",
    },
    {
      key: "serviceLevel",
      label: t("serviceLevel.label"),
      value: percent(kpis.serviceLevel),
      hint: t("serviceLevel.hint", { seconds: serviceLevelSeconds }),
    },
    {
      key: "avgTalk",
      label: t("avgTalk.label"),
      value: kpis.avgTalkSeconds === null ? none : formatDuration(kpis.avgTalkSeconds),
      hint: t("avgTalk.hint"),
    },
    {
      key: "avgRing",
      label: t("avgRing.label"),
      value:
        kpis.avgRingSeconds === null
          ? none
          : format.number(kpis.avgRingSeconds, {
              style: "unit",
              unit: "second",
              maximumFractionDigits: 0,
            }),
      hint: t("avgRing.hint"),
    },
    {
      key: "cost",
      label: t("cost.label"),
      value: formatPrice(kpis.totalCostAgorot, locale),
      hint: t("cost.hint"),
    },
    {
      key: "repeatCallers",
      label: t("repeatCallers.label"),
      value: format.number(callers.repeatCallers),
      hint: t("repeatCallers.hint"),
      stale: callersStale,
    },
    {
      key: "unreturned",
      label: t("unreturned.label"),
      value: format.number(callers.unreturnedCallers),
      hint: t("unreturned.hint"),
      accent: callers.unreturnedCallers > 0 ? "missed" : undefined,
      stale: callersStale,
    },
  ];
}

/** Call-center KPIs over the calls in view, as a strip of labelled tiles. */
export function KpiStrip({
  calls,
  shortAbandonSeconds,
  serviceLevelSeconds,
  loading = false,
}: KpiStripProps) {
  const t = useTranslations("kpis");
  // Nothing to compute behind the skeleton (a streaming load would recompute on every chunk).
  const shown = loading ? NO_CALLS : calls;
  const kpis = useMemo(
    () => computeKpis(shown, { shortAbandonSeconds, serviceLevelSeconds }),
    [shown, shortAbandonSeconds, serviceLevelSeconds],
  );
  // Caller stats cost most of the pass: they follow a deferred copy, so the other tiles paint first.
  const deferredCalls = useDeferredValue(shown);
  const callers = useMemo(() => computeCallerStats(deferredCalls), [deferredCalls]);
  const tiles = useTiles({
    kpis,
    callers,
    callersStale: deferredCalls !== shown,
    shortAbandonSeconds,
    serviceLevelSeconds,
  });

  return (
    <section aria-label={t("title")} aria-busy={loading}>
      {loading ? <p className="sr-only">{t("loading")}</p> : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {tiles.map((tile) => (
          <Card
            key={tile.key}
            aria-busy={tile.stale || undefined}
            className={`border-s-4 p-3 text-start ${ACCENT[tile.accent ?? "none"]} ${tile.stale ? "opacity-60" : ""}`}
          >
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{tile.label}</dt>
            {loading ? (
              <dd
                aria-hidden
                className="mt-1.5 mb-1 h-7 w-20 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
              />
            ) : (
              <>
                <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">
                  {tile.value}
                </dd>
                {tile.hint ? (
                  <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{tile.hint}</dd>
                ) : null}
              </>
            )}
          </Card>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("offeredNote")}</p>
    </section>
  );
}
