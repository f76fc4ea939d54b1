import type { HeatmapMetric } from "@/lib/view-state/parsers";

import type { HeatmapCell } from "./heatmap";

/** How strongly a heatmap cell is coloured: 0 (nothing) to 5; null when the figure is undefined. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4 | 5 | null;

/** The figure a cell shows under a metric: a count, or the answer rate (0–1, null if none offered). */
export function heatmapValue(cell: HeatmapCell, metric: HeatmapMetric): number | null {
  switch (metric) {
    case "volume":
      return cell.conversations;
    case "missed":
      return cell.missed;
    case "answerRate":
      return cell.answerRate;
  }
}

/** Answer-rate bands, the same on every range (so two heatmaps compare): <50, <70, <80, <90, ≥90 %. */
const RATE_BANDS = [0.5, 0.7, 0.8, 0.9];

/**
 * The colour level of every cell: counts relative to the busiest cell (1–5 in equal steps, 0
 * for none), answer rates in fixed bands (a rate of 0 is level 1, not "nothing").
 */
export function heatLevels(cells: readonly HeatmapCell[], metric: HeatmapMetric): HeatLevel[] {
  const values = cells.map((cell) => heatmapValue(cell, metric));
  if (metric === "answerRate") {
    return values.map((v) =>
      v === null ? null : ((RATE_BANDS.filter((band) => v >= band).length + 1) as HeatLevel),
    );
  }
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values.map((v) =>
    v === null
      ? null
      : v === 0 || max === 0
        ? 0
        : (Math.max(1, Math.ceil((5 * v) / max)) as HeatLevel),
  );
}
