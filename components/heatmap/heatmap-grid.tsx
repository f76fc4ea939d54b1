"use client";

import { clsx } from "clsx";
import { useRef, useState, type KeyboardEvent } from "react";

import type { HeatLevel } from "@/lib/analytics/heatmap-levels";
import type { HeatmapMetric, WeekHour } from "@/lib/view-state/parsers";

export interface GridCell {
  weekday: number;
  hour: number;
  level: HeatLevel;
  /** The figure as shown in the cell. */
  text: string;
  /** What a screen reader says: when, and the figure in words. */
  label: string;
  /** False for an hour the range does not contain: nothing to show or choose. */
  inRange: boolean;
}

// Literal class names (Tailwind sees them); every pair of background and text is readable,
// light and dark. Index: level 0–5.
const PALETTES: Record<HeatmapMetric, readonly string[]> = {
  volume: [
    "bg-slate-50 text-slate-500 dark:bg-slate-900 dark:text-slate-400",
    "bg-sky-100 text-sky-950 dark:bg-sky-950 dark:text-sky-100",
    "bg-sky-200 text-sky-950 dark:bg-sky-900 dark:text-sky-50",
    "bg-sky-400 text-sky-950 dark:bg-sky-700 dark:text-white",
    "bg-sky-700 text-white dark:bg-sky-500 dark:text-sky-950",
    "bg-sky-900 text-white dark:bg-sky-300 dark:text-sky-950",
  ],
  answerRate: [
    "bg-slate-50 text-slate-500 dark:bg-slate-900 dark:text-slate-400",
    "bg-red-200 text-red-950 dark:bg-red-900 dark:text-red-50",
    "bg-amber-200 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
    "bg-lime-200 text-lime-950 dark:bg-lime-900 dark:text-lime-50",
    "bg-emerald-300 text-emerald-950 dark:bg-emerald-800 dark:text-emerald-50",
    "bg-emerald-700 text-white dark:bg-emerald-600 dark:text-emerald-950",
  ],
  missed: [
    "bg-slate-50 text-slate-500 dark:bg-slate-900 dark:text-slate-400",
    "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
    "bg-amber-200 text-amber-950 dark:bg-amber-900 dark:text-amber-50",
    "bg-orange-300 text-orange-950 dark:bg-orange-800 dark:text-orange-50",
    "bg-red-600 text-white dark:bg-red-700 dark:text-white",
    "bg-red-800 text-white dark:bg-red-500 dark:text-red-950",
  ],
};
const NO_FIGURE = "bg-white text-slate-500 dark:bg-slate-950 dark:text-slate-400";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * Weekdays × hours as a table: column headers are the hours, row headers the weekdays, each
 * cell a button named by its weekday, hour and figure. One button is in the tab order; the
 * arrow keys, Home and End move between cells (mirrored right to left), Enter/Space choose.
 */
export function HeatmapGrid({
  caption,
  metric,
  cells,
  selected,
  weekdayLabel,
  weekdayFullLabel,
  onSelect,
}: {
  caption: string;
  metric: HeatmapMetric;
  /** 168 cells, weekday-major. */
  cells: readonly GridCell[];
  selected: WeekHour | null;
  weekdayLabel: (weekday: number) => string;
  weekdayFullLabel: (weekday: number) => string;
  onSelect: (cell: WeekHour | null) => void;
}) {
  const selectedIndex = selected ? selected.weekday * 24 + selected.hour : -1;
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const firstInRange = Math.max(
    0,
    cells.findIndex((cell) => cell.inRange),
  );
  const active = focusIndex ?? (selectedIndex >= 0 ? selectedIndex : firstInRange);
  const tableRef = useRef<HTMLTableElement>(null);

  function move(to: number) {
    const index = Math.max(0, Math.min(167, to));
    setFocusIndex(index);
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${index}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>, index: number) {
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const step = rtl ? -1 : 1;
    const row = Math.floor(index / 24) * 24;
    const keys: Record<string, number> = {
      ArrowRight: index + step,
      ArrowLeft: index - step,
      ArrowDown: index + 24,
      ArrowUp: index - 24,
      Home: row,
      End: row + 23,
    };
    const to = keys[event.key];
    if (to === undefined) return;
    event.preventDefault();
    // Left and right stay within the weekday's row.
    if (
      (event.key === "ArrowRight" || event.key === "ArrowLeft") &&
      Math.floor(to / 24) * 24 !== row
    )
      return;
    move(to);
  }

  return (
    <div className="overflow-x-auto">
      <table
        ref={tableRef}
        className="w-full border-separate border-spacing-0.5 text-[11px]"
        data-testid="heatmap"
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((hour) => (
              <th
                key={hour}
                scope="col"
                className="px-0.5 pb-1 text-center font-normal text-slate-600 tabular-nums dark:text-slate-400"
              >
                {String(hour).padStart(2, "0")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((weekday) => (
            <tr key={weekday}>
              <th
                scope="row"
                className="pe-2 text-start font-medium whitespace-nowrap text-slate-700 dark:text-slate-300"
              >
                <abbr title={weekdayFullLabel(weekday)} className="no-underline">
                  {weekdayLabel(weekday)}
                </abbr>
              </th>
              {HOURS.map((hour) => {
                const index = weekday * 24 + hour;
                const cell = cells[index];
                if (!cell) return <td key={hour} />;
                const isSelected = index === selectedIndex;
                return (
                  <td key={hour} className="p-0">
                    <button
                      type="button"
                      data-cell={index}
                      data-testid="heatmap-cell"
                      data-weekday={weekday}
                      data-hour={hour}
                      data-level={cell.level ?? "none"}
                      tabIndex={index === active ? 0 : -1}
                      aria-pressed={cell.inRange ? isSelected : undefined}
                      aria-disabled={cell.inRange ? undefined : true}
                      aria-label={cell.label}
                      title={cell.label}
                      onFocus={() => setFocusIndex(index)}
                      onKeyDown={(event) => onKeyDown(event, index)}
                      onClick={() => {
                        if (cell.inRange) onSelect(isSelected ? null : { weekday, hour });
                      }}
                      className={clsx(
                        "flex h-8 w-full min-w-8 items-center justify-center rounded-sm tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500",
                        !cell.inRange
                          ? "cursor-default bg-transparent"
                          : cell.level === null
                            ? NO_FIGURE
                            : PALETTES[metric][cell.level],
                        isSelected &&
                          "ring-2 ring-slate-900 ring-offset-1 dark:ring-white dark:ring-offset-slate-900",
                      )}
                    >
                      {cell.text}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
