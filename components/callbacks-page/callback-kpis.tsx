"use client";

import { useTranslations } from "next-intl";

import { useFigureFormat } from "@/components/figures-table/use-figure-format";
import { KpiTile, type TileView } from "@/components/kpis/kpi-tile";
import type { CallbackRow, CallbackKpis as Kpis } from "@/lib/analytics/callbacks";

const LONG_WAIT_HOURS = 24;

/** The worklist's figures: callback rate, median time to callback, who waits, who was closed by hand. */
export function CallbackKpis({
  kpis,
  rows,
}: {
  kpis: Kpis | null;
  rows: readonly CallbackRow[] | null;
}) {
  const t = useTranslations("callbacks.kpis");
  const f = useFigureFormat();
  const longWaits =
    rows?.filter((r) => (r.waitingSeconds ?? 0) > LONG_WAIT_HOURS * 3600).length ?? 0;
  const tile = (key: string, value: string | null, caption: string): TileView => ({
    key,
    label: t(`${key as "open"}.label`),
    value,
    caption: kpis ? caption : "",
    about: t(`${key as "open"}.about`),
    stale: false,
    comparison: null,
  });
  const tiles: TileView[] = kpis
    ? [
        tile(
          "callbackRate",
          f.percent(kpis.callbackRate),
          t("callbackRate.caption", { reached: kpis.reached, counted: kpis.rows - kpis.notNeeded }),
        ),
        tile(
          "median",
          f.duration(kpis.medianTimeToCallbackSeconds),
          t("median.caption", { reached: kpis.reached }),
        ),
        tile(
          "open",
          f.count(kpis.open),
          t("open.caption", { count: longWaits, hours: LONG_WAIT_HOURS }),
        ),
        tile(
          "closed",
          f.count(kpis.done + kpis.notNeeded),
          t("closed.caption", { done: kpis.done, notNeeded: kpis.notNeeded }),
        ),
      ]
    : ["callbackRate", "median", "open", "closed"].map((key) => tile(key, null, ""));
  return (
    <section aria-label={t("label")} aria-busy={kpis === null} data-testid="callback-kpis">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map((view) => (
          <KpiTile key={view.key} tile={view} loading={kpis === null} />
        ))}
      </dl>
    </section>
  );
}
