import { describe, expect, it } from "vitest";

import { FIELD_NAMES } from "@/lib/voicenter/fields";

import {
  COLUMN_IDS,
  columnKind,
  DEFAULT_VISIBLE_COLUMNS,
  fieldsForColumns,
  normalizeVisibleColumns,
  setColumnVisible,
} from "./columns";

describe("the column catalogue", () => {
  it("has a column for every contract field, with HasRecording in place of RecordURL", () => {
    expect(COLUMN_IDS).toHaveLength(FIELD_NAMES.length);
    expect(new Set(COLUMN_IDS).size).toBe(COLUMN_IDS.length);
    for (const field of FIELD_NAMES) {
      expect(COLUMN_IDS).toContain(field === "RecordURL" ? "HasRecording" : field);
    }
    expect(COLUMN_IDS).not.toContain("RecordURL");
  });

  it("starts with the default columns, in their order", () => {
    expect(COLUMN_IDS.slice(0, DEFAULT_VISIBLE_COLUMNS.length)).toEqual([
      ...DEFAULT_VISIBLE_COLUMNS,
    ]);
    expect(DEFAULT_VISIBLE_COLUMNS[0]).toBe("Date");
    expect(DEFAULT_VISIBLE_COLUMNS).toContain("HasRecording");
  });

  it("shows each field the way its kind says", () => {
    expect(columnKind("Date")).toBe("datetime");
    expect(columnKind("Duration")).toBe("duration");
    expect(columnKind("Price")).toBe("price");
    expect(columnKind("CallerNumber")).toBe("phone");
    expect(columnKind("DialStatus")).toBe("status");
    expect(columnKind("RecordExpect")).toBe("boolean");
    expect(columnKind("DTMFData")).toBe("dtmf");
    expect(columnKind("CustomData")).toBe("customData");
    expect(columnKind("DepartmentId")).toBe("number");
    expect(columnKind("QueueName")).toBe("text");
  });
});

describe("fieldsForColumns", () => {
  const kpiFields = [
    "Date",
    "Duration",
    "CallID",
    "CdrType",
    "DialStatus",
    "RecordURL",
    "RecordExpect",
    "RingTime",
    "Price",
  ];

  it("asks for what KPIs and charts need even with one column shown", () => {
    expect(fieldsForColumns(["QueueName"]).sort()).toEqual([...kpiFields, "QueueName"].sort());
  });

  it("maps the recording column to the upstream's recording fields and Type to its id too", () => {
    const fields = fieldsForColumns(["HasRecording", "Type"]);
    expect(fields).toContain("RecordURL");
    expect(fields).toContain("RecordExpect");
    expect(fields).toContain("Type");
    expect(fields).toContain("CdrType");
    expect(fields).not.toContain("HasRecording");
  });

  it("returns contract field names once each, in the contract's order, ignoring unknown ids", () => {
    const fields = fieldsForColumns([...DEFAULT_VISIBLE_COLUMNS, "Price", "bogus", "RecordURL"]);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(FIELD_NAMES.filter((f) => fields.includes(f)));
    for (const field of fields) expect(FIELD_NAMES).toContain(field);
  });

  it("covers every column", () => {
    expect(fieldsForColumns(COLUMN_IDS)).toEqual(FIELD_NAMES);
  });
});

describe("visible columns", () => {
  it("keeps known ids once, in the given order, and falls back to the defaults", () => {
    expect(normalizeVisibleColumns(["Price", "bogus", "Date", "Price"])).toEqual(["Price", "Date"]);
    expect(normalizeVisibleColumns([])).toEqual([...DEFAULT_VISIBLE_COLUMNS]);
    expect(normalizeVisibleColumns(["bogus"])).toEqual([...DEFAULT_VISIBLE_COLUMNS]);
  });

  it("hides a column", () => {
    expect(setColumnVisible(["Date", "Type", "Price"], "Type", false)).toEqual(["Date", "Price"]);
  });

  it("shows a column at its catalogue place among the shown ones", () => {
    expect(setColumnVisible(["Date", "Price"], "Duration", true)).toEqual([
      "Date",
      "Duration",
      "Price",
    ]);
    expect(setColumnVisible(["Type", "Price"], "Date", true)).toEqual(["Date", "Type", "Price"]);
    expect(setColumnVisible(["Date"], "CustomData", true)).toEqual(["Date", "CustomData"]);
  });

  it("keeps the user's own order around a newly shown column", () => {
    expect(setColumnVisible(["Price", "Date"], "Type", true)).toEqual(["Price", "Date", "Type"]);
    expect(setColumnVisible(["Date", "Type"], "Date", true)).toEqual(["Date", "Type"]);
  });
});
