import { describe, expect, it } from "vitest";

import { nextFigureSort, sortFigureRows } from "./figure-sort";

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const rows = [
  { name: "Noa", talk: 30, avg: null },
  { name: "dana", talk: 120, avg: 40 },
  { name: "Avi", talk: 30, avg: 10 },
  { name: "Queue 10", talk: 5, avg: 5 },
  { name: "Queue 9", talk: 5, avg: null },
];

describe("sortFigureRows", () => {
  it("sorts numbers either way, ties in their order", () => {
    const by = (desc: boolean) =>
      sortFigureRows(rows, (r) => r.talk, desc, collator).map((r) => r.name);
    expect(by(true)).toEqual(["dana", "Noa", "Avi", "Queue 10", "Queue 9"]);
    expect(by(false)).toEqual(["Queue 10", "Queue 9", "Noa", "Avi", "dana"]);
  });

  it("puts empty values last in both directions", () => {
    const by = (desc: boolean) =>
      sortFigureRows(rows, (r) => r.avg, desc, collator).map((r) => r.name);
    expect(by(true)).toEqual(["dana", "Avi", "Queue 10", "Noa", "Queue 9"]);
    expect(by(false)).toEqual(["Queue 10", "Avi", "dana", "Noa", "Queue 9"]);
  });

  it("sorts text by the locale, naturally and ignoring case", () => {
    expect(sortFigureRows(rows, (r) => r.name, false, collator).map((r) => r.name)).toEqual([
      "Avi",
      "dana",
      "Noa",
      "Queue 9",
      "Queue 10",
    ]);
  });
});

describe("nextFigureSort", () => {
  it("starts a column in its first direction and flips it on the next click", () => {
    expect(nextFigureSort(null, "talk", true)).toEqual({ id: "talk", desc: true });
    expect(nextFigureSort({ id: "talk", desc: true }, "talk", true)).toEqual({
      id: "talk",
      desc: false,
    });
    expect(nextFigureSort({ id: "talk", desc: false }, "name", false)).toEqual({
      id: "name",
      desc: false,
    });
  });
});
