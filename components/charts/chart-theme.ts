import type { CallOutcome } from "@/lib/voicenter/dial-statuses";

/**
 * Outcome colours, mid-tones that read on both the light and the dark background, and
 * told apart by lightness too (amber light, emerald and rose darker, slate grey).
 */
export const OUTCOME_COLORS: Record<CallOutcome, string> = {
  answered: "#059669",
  missed: "#f59e0b",
  abandoned: "#e11d48",
  failed: "#94a3b8",
};

/** Height of each chart's plot area; the lazy panel's skeleton reserves the same. */
export const CHART_HEIGHT = 260;

/** Axis text and lines follow the surrounding text colour, so dark mode needs no chart props. */
export const AXIS_TICK = { fill: "currentColor", fontSize: 12 } as const;
export const GRID_STROKE = "currentColor";
export const GRID_OPACITY = 0.15;

/** The y axis of a count (calls): whole numbers in the locale, on the reading side. */
export function countAxisProps(rtl: boolean, formatNumber: (value: number) => string) {
  return {
    allowDecimals: false,
    orientation: rtl ? ("right" as const) : ("left" as const),
    width: 44,
    tick: AXIS_TICK,
    stroke: GRID_STROKE,
    tickFormatter: (value: number) => formatNumber(value),
  };
}
