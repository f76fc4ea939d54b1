import { clsx } from "clsx";
import { useTranslations } from "next-intl";

import { Card } from "@/components/ui/card";
import type { Trend } from "@/lib/analytics/compare";

import type { ChangeTone } from "./kpi-tiles";

export interface TileView {
  key: string;
  label: string;
  /** Null while computed. */
  value: string | null;
  /** Visible: what the tile counts, with its numbers. */
  caption: string;
  /** The longer definition (the figure's doc comment), as the tile's tooltip. */
  about: string;
  stale: boolean;
  /** Comparing: the change and the earlier value; "pending" while it loads; off: null. */
  comparison:
    { trend: Trend | null; tone: ChangeTone; amount: string; previous: string } | "pending" | null;
}

const ARROWS: Record<Trend, string> = { up: "▲", down: "▼", flat: "=" };

// Literal class names for Tailwind; each readable on the tile in light and dark mode.
const TONES: Record<ChangeTone, string> = {
  good: "text-emerald-700 dark:text-emerald-400",
  bad: "text-red-700 dark:text-red-400",
  neutral: "text-slate-600 dark:text-slate-400",
};

/** One KPI: label, value, what it counts, and (comparing) its change from the period before. */
export function KpiTile({ tile, loading }: { tile: TileView; loading: boolean }) {
  const t = useTranslations("kpis");
  const { comparison } = tile;
  return (
    <Card
      title={tile.about}
      data-kpi={tile.key}
      aria-busy={tile.stale || undefined}
      className={clsx("min-w-0 p-3 text-start", tile.stale && "opacity-60")}
    >
      <dt className="truncate text-xs font-medium text-slate-600 dark:text-slate-400">
        {tile.label}
      </dt>
      {loading || tile.value === null ? (
        <dd
          aria-hidden
          className="mt-1.5 mb-1 h-7 w-16 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
        />
      ) : (
        <dd
          className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50"
          data-testid="kpi-value"
        >
          {tile.value}
        </dd>
      )}
      {tile.caption ? (
        <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400" data-testid="kpi-caption">
          {tile.caption}
        </dd>
      ) : null}
      {comparison === "pending" ? (
        <dd className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("compare.loading")}</dd>
      ) : comparison ? (
        <dd
          className={clsx("mt-1 text-xs font-medium tabular-nums", TONES[comparison.tone])}
          data-testid="kpi-change"
          data-trend={comparison.trend ?? "none"}
          data-tone={comparison.tone}
        >
          <span aria-hidden="true">
            {comparison.trend ? `${ARROWS[comparison.trend]} ${comparison.amount} · ` : ""}
            {t.rich("compare.was", {
              previous: comparison.previous,
              v: (chunks) => <span data-testid="kpi-previous">{chunks}</span>,
            })}
          </span>
          <span className="sr-only">
            {comparison.trend
              ? t(`compare.sr.${comparison.trend}`, {
                  amount: comparison.amount,
                  previous: comparison.previous,
                })
              : t("compare.wasPlain", { previous: comparison.previous })}
          </span>
        </dd>
      ) : null}
    </Card>
  );
}
