import { describe, expect, it } from "vitest";

import { KPI_TILES, TILE_KEYS, tileChange } from "./kpi-tiles";

describe("tileChange", () => {
  it("colours a change by whether up is good", () => {
    expect(tileChange({ format: "percent", better: "up" }, 0.8, 0.7)).toMatchObject({
      trend: "up",
      tone: "good",
    });
    expect(tileChange({ format: "percent", better: "up" }, 0.6, 0.7)).toMatchObject({
      trend: "down",
      tone: "bad",
    });
    expect(tileChange({ format: "seconds", better: "down" }, 30, 20)).toMatchObject({
      trend: "up",
      tone: "bad",
    });
    expect(tileChange({ format: "count", better: "down" }, 3, 9)).toMatchObject({
      trend: "down",
      tone: "good",
    });
    expect(tileChange({ format: "count", better: "none" }, 300, 200)).toMatchObject({
      trend: "up",
      tone: "neutral",
    });
    expect(tileChange({ format: "count", better: "up" }, 5, 5)).toMatchObject({
      trend: "flat",
      tone: "neutral",
      amount: 0,
    });
  });

  it("writes a rate's change in percentage points, with the earlier value", () => {
    const change = tileChange({ format: "percent", better: "up" }, 0.8125, 0.75);
    expect(change?.amount).toBeCloseTo(6.25);
    expect(change?.previous).toBe(0.75);
  });

  it("says nothing when either period has no figure", () => {
    expect(tileChange({ format: "percent", better: "up" }, null, 0.5)).toBeNull();
    expect(tileChange({ format: "percent", better: "up" }, 0.5, null)).toBeNull();
  });

  it("has one tile per key, each in a group", () => {
    expect(KPI_TILES.map((t) => t.key)).toEqual([...TILE_KEYS]);
  });
});
