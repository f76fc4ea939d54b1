import { describe, expect, it } from "vitest";

import { OUTCOMES } from "@/lib/analytics/outcomes";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";
import enCharts from "@/messages/en/charts.json";
import enKpis from "@/messages/en/kpis.json";
import heCharts from "@/messages/he/charts.json";
import heKpis from "@/messages/he/kpis.json";

type Tree = { [key: string]: string | Tree };

function leafPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafPaths(value, `${prefix}${key}.`),
  );
}

function leaf(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" ? node : undefined;
}

const HEBREW = /[\u0590-\u05FF]/;

describe("charts and kpis messages", () => {
  it.each([
    ["en", enCharts as Tree],
    ["he", heCharts as Tree],
  ])(
    "%s has a chart label for every dial status of the contract and every outcome",
    (_, charts) => {
      for (const status of DIAL_STATUS_NAMES)
        expect(leaf(charts, `statuses.${status}`), status).toBeTruthy();
      for (const outcome of OUTCOMES)
        expect(leaf(charts, `outcomes.${outcome}`), outcome).toBeTruthy();
    },
  );

  it.each([
    ["charts", enCharts as Tree, heCharts as Tree],
    ["kpis", enKpis as Tree, heKpis as Tree],
  ])("%s: Hebrew has exactly the English keys, and is Hebrew", (_, en, he) => {
    expect(leafPaths(he).sort()).toEqual(leafPaths(en).sort());
    for (const path of leafPaths(he)) {
      const text = leaf(he, path)!;
      // Symbols-only strings ("—") need no translation.
      if (/[A-Za-z\u0590-\u05FF]/.test(text.replace(/\{[^}]*\}/g, "")))
        expect(text, path).toMatch(HEBREW);
    }
  });
});
