import type { Conversation } from "@/lib/conversations/conversation";

import { bucketBoundaries, type TimeRange } from "./buckets";

/** One local hour of one weekday, summed over every such hour of the range. */
export interface HeatmapCell {
  /** 0 = Sunday … 6 = Saturday, in the zone asked for. */
  weekday: number;
  /** 0–23 on the zone's wall clock. */
  hour: number;
  /** Conversations that started in the cell, every direction (the "volume" view). */
  conversations: number;
  /** Inbound conversations offered (answered, missed or abandoned). */
  offered: number;
  /** Inbound answered. */
  answered: number;
  /** Inbound missed or abandoned, short abandons included (the "missed" view). */
  missed: number;
  /** Outbound attempts. */
  outbound: number;
  /** answered ÷ offered (the "answer rate" view); null when nothing was offered. */
  answerRate: number | null;
  /**
   * Clock hours of the range that fall in the cell: 0 for the hour a spring-forward day
   * skips, 2 on a fall-back day for the hour it repeats. Volume per hour = conversations ÷ hours.
   */
  hours: number;
}

export interface Heatmap {
  timeZone: string;
  /** 168 cells, weekday-major: index = weekday × 24 + hour. */
  cells: HeatmapCell[];
  /** Conversations that started outside the range. */
  outside: number;
  /** Conversations without a date. */
  undated: number;
}

const HEATMAP_CELLS = 7 * 24;

/** Finds the heatmap cell (weekday × 24 + hour) of an instant in a range, in a zone. */
export interface LocalHourLocator {
  /** Cell index, or -1 outside the range (or for NaN). */
  cellOf(epochMs: number): number;
  /** Clock hours of the range per cell (see HeatmapCell.hours). */
  hoursPerCell(): Int32Array;
}

/**
 * The range's local hours, found once with Intl (O(hours), not O(calls)); each instant is
 * then placed by binary search, so a DST day's skipped or repeated hour lands right.
 */
export function createLocalHourLocator(range: TimeRange, timeZone: string): LocalHourLocator {
  const { edges, walls } = bucketBoundaries(range, timeZone, "hour");
  const starts = Float64Array.from(edges);
  const cells = Int32Array.from(
    walls,
    (w) => new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() * 24 + w.hour,
  );
  const count = cells.length;
  return {
    cellOf(t) {
      if (!(t >= range.from && t < range.to) || count === 0) return -1;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      return cells[lo]!;
    },
    hoursPerCell() {
      const hours = new Int32Array(HEATMAP_CELLS);
      for (const cell of cells) hours[cell]!++;
      return hours;
    },
  };
}

/** Conversations by local weekday and hour of their start, in `timeZone`. */
export function computeHeatmap(
  conversations: readonly Conversation[],
  options: { timeZone: string; range: TimeRange },
): Heatmap {
  const locator = createLocalHourLocator(options.range, options.timeZone);
  // counts[cell * 5 + k]: conversations, offered, answered, missed, outbound
  const counts = new Int32Array(HEATMAP_CELLS * 5);
  let outside = 0;
  let undated = 0;
  for (const c of conversations) {
    if (Number.isNaN(c.start)) {
      undated++;
      continue;
    }
    const cell = locator.cellOf(c.start);
    if (cell < 0) {
      outside++;
      continue;
    }
    const at = cell * 5;
    counts[at]!++;
    if (c.direction === "outbound") counts[at + 4]!++;
    else if (c.direction === "inbound" && c.outcome !== "failed") {
      counts[at + 1]!++;
      if (c.outcome === "answered") counts[at + 2]!++;
      else counts[at + 3]!++;
    }
  }
  const hours = locator.hoursPerCell();
  const cells: HeatmapCell[] = [];
  for (let cell = 0; cell < HEATMAP_CELLS; cell++) {
    const at = cell * 5;
    const offered = counts[at + 1]!;
    cells.push({
      weekday: Math.floor(cell / 24),
      hour: cell % 24,
      conversations: counts[at]!,
      offered,
      answered: counts[at + 2]!,
      missed: counts[at + 3]!,
      outbound: counts[at + 4]!,
      answerRate: offered > 0 ? counts[at + 2]! / offered : null,
      hours: hours[cell]!,
    });
  }
  return { timeZone: options.timeZone, cells, outside, undated };
}
