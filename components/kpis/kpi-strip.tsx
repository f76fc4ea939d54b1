"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useMemo } from "react";

import { computeCallbacks } from "@/lib/analytics/callbacks";
import {
  computeConversationKpis,
  type ConversationKpiOptions,
} from "@/lib/analytics/conversation-kpis";
import type { Conversation } from "@/lib/conversations/conversation";
import { formatDuration } from "@/lib/format/duration";
import { formatPrice } from "@/lib/format/price";

import { KpiTile, type TileView } from "./kpi-tile";
import { KPI_TILES, tileChange, type KpiFormat, type KpiGroup, type KpiInputs } from "./kpi-tiles";

export interface KpiStripProps {
  /** The conversations in view; null while they are loaded or grouped. */
  conversations: readonly Conversation[] | null;
  /** Comparing: the previous period's conversations (null while they load); off: undefined. */
  previous?: readonly Conversation[] | null;
  options: ConversationKpiOptions;
  /** "Now" of the callback figures: the end of the range. */
  now: number;
  /** Still showing the previous answer's figures while the new ones are computed. */
  stale?: boolean;
  /** Figures the server computed (paged mode): shown instead of computing them; null while they load. */
  computed?: KpiInputs | null;
}

const GROUPS: readonly KpiGroup[] = ["inbound", "outbound", "all"];
/** What the descriptions name before the figures are in: zeros. */
const NO_INPUTS: KpiInputs = { kpis: computeConversationKpis([]), callbacks: null };

function useInputs(
  conversations: readonly Conversation[] | null | undefined,
  options: ConversationKpiOptions,
  now: number,
): { inputs: KpiInputs | null; callbacksStale: boolean } {
  const { shortAbandonSeconds, serviceLevelSeconds } = options;
  const kpis = useMemo(
    () =>
      conversations
        ? computeConversationKpis(conversations, { shortAbandonSeconds, serviceLevelSeconds })
        : null,
    [conversations, shortAbandonSeconds, serviceLevelSeconds],
  );
  // The callback figures cost most of the pass: a deferred copy, so the others paint first.
  const deferred = useDeferredValue(conversations, null);
  const callbacks = useMemo(
    () => (deferred ? computeCallbacks(deferred, { now }).kpis : null),
    [deferred, now],
  );
  const callbacksStale = deferred !== conversations;
  return {
    inputs: kpis ? { kpis, callbacks: callbacksStale ? null : callbacks } : null,
    callbacksStale,
  };
}

/**
 * Conversation KPIs split by direction — inbound, outbound, and across both — each tile
 * saying what it counts; with `previous`, each beside its value in the previous period.
 */
export function KpiStrip({
  conversations,
  previous,
  options,
  now,
  stale = false,
  computed,
}: KpiStripProps) {
  const t = useTranslations("kpis");
  const format = useFormatter();
  const locale = useLocale();
  const own = useInputs(computed === undefined ? conversations : null, options, now);
  const current =
    computed === undefined ? own : { inputs: computed, callbacksStale: false as boolean };
  const earlier = useInputs(previous, options, now);
  const comparing = previous !== undefined;

  const write = (kind: KpiFormat, value: number | null, signed = false): string => {
    if (value === null) return t("none");
    const sign = signed && value > 0 ? "+" : signed && value < 0 ? "−" : "";
    const v = signed ? Math.abs(value) : value;
    switch (kind) {
      case "count":
        return sign + format.number(v, { maximumFractionDigits: 0 });
      case "percent":
        return signed
          ? t("points", { value: sign + format.number(v, { maximumFractionDigits: 1 }) })
          : format.number(v, { style: "percent", maximumFractionDigits: 1 });
      case "seconds":
        return sign + format.number(v, { style: "unit", unit: "second", maximumFractionDigits: 0 });
      case "duration":
        return sign + formatDuration(v);
      case "price":
        return sign + formatPrice(v, locale);
    }
  };

  const loading = current.inputs === null;
  const tiles = (group: KpiGroup): TileView[] =>
    KPI_TILES.filter((def) => def.group === group).map((def) => {
      const inputs = current.inputs;
      const value = inputs ? def.value(inputs) : null;
      const details = def.details(inputs ?? NO_INPUTS, options);
      const before = earlier.inputs ? def.value(earlier.inputs) : null;
      const change = comparing ? tileChange(def, value, before) : null;
      const pending = def.deferred ? current.callbacksStale : false;
      return {
        key: def.key,
        label: t(`tiles.${def.key}.label`),
        value: inputs && !pending ? write(def.format, value) : null,
        caption: inputs ? t(`tiles.${def.key}.caption`, details) : "",
        about: t(`tiles.${def.key}.about`, details),
        stale: stale || pending,
        comparison: !comparing
          ? null
          : change
            ? {
                trend: change.trend,
                tone: change.tone,
                amount: write(def.format, change.amount, true),
                previous: write(def.format, change.previous),
              }
            : earlier.inputs && (!def.deferred || !earlier.callbacksStale)
              ? { trend: null, tone: "neutral", amount: "", previous: write(def.format, before) }
              : "pending",
      };
    });

  return (
    <section aria-label={t("title")} aria-busy={loading || stale} data-testid="kpi-strip">
      {loading ? <p className="sr-only">{t("loading")}</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">
        {GROUPS.map((group) => (
          <section
            key={group}
            aria-labelledby={`kpi-group-${group}`}
            data-kpi-group={group}
            className={group === "inbound" ? "lg:col-span-2" : undefined}
          >
            <h2
              id={`kpi-group-${group}`}
              className="mb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
            >
              {t(`groups.${group}`)}
            </h2>
            <dl
              className={
                group === "inbound"
                  ? "grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-8"
                  : "grid grid-cols-2 gap-2 sm:grid-cols-3"
              }
            >
              {tiles(group).map((tile) => (
                <KpiTile key={tile.key} tile={tile} loading={loading} />
              ))}
            </dl>
          </section>
        ))}
      </div>
    </section>
  );
}
