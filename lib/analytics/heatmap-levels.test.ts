import { describe, expect, it } from "vitest";

import type { HeatmapCell } from "./heatmap";
import { heatLevels, heatmapValue } from "./heatmap-levels";

const cell = (conversations: number, offered: number, answered: number): HeatmapCell => ({
  weekday: 0,
  hour: 0,
  conversations,
  offered,
  answered,
  missed: offered - answered,
  outbound: 0,
  answerRate: offered > 0 ? answered / offered : null,
  hours: 1,
});

describe("heatmap levels", () => {
  const cells = [
    cell(0, 0, 0),
    cell(10, 10, 10),
    cell(50, 40, 20),
    cell(100, 100, 95),
    cell(1, 1, 0),
  ];

  it("reads the metric's figure", () => {
    expect(cells.map((c) => heatmapValue(c, "volume"))).toEqual([0, 10, 50, 100, 1]);
    expect(cells.map((c) => heatmapValue(c, "missed"))).toEqual([0, 0, 20, 5, 1]);
    expect(cells.map((c) => heatmapValue(c, "answerRate"))).toEqual([null, 1, 0.5, 0.95, 0]);
  });

  it("scales counts to the busiest cell, none at 0", () => {
    expect(heatLevels(cells, "volume")).toEqual([0, 1, 3, 5, 1]);
    expect(heatLevels(cells, "missed")).toEqual([0, 0, 5, 2, 1]);
  });

  it("bands answer rates the same on every range; no calls offered is no level", () => {
    expect(heatLevels(cells, "answerRate")).toEqual([null, 5, 2, 5, 1]);
  });

  it("is all zero on an empty range", () => {
    expect(heatLevels([cell(0, 0, 0)], "volume")).toEqual([0]);
  });
});
