import {
  columnVisibilityFeature,
  constructTable,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";
import { describe, expect, it } from "vitest";

import { syntheticCalls } from "@/bench/synthetic-calls";
import type { ApiCall } from "@/lib/api/calls-response";
import { tableTranslator } from "@/testing/translate";

import { sortKeysFor } from "./columns";
import { sortCalls } from "./sort";
import { createKeyedSortedRowModel, type KeyedSortColumnMeta } from "./sorted-row-model";

const t = tableTranslator("en");
const keys = sortKeysFor(t);
const columnMeta: KeyedSortColumnMeta = {};
const features = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createKeyedSortedRowModel(),
  columnMeta,
  tableMeta: {} as { locale: string },
});
const helper = createColumnHelper<typeof features, ApiCall>();
const columns = helper.columns([
  helper.accessor("Date", { meta: { sortKey: keys.Date }, sortDescFirst: true }),
  helper.accessor("Duration", { meta: { sortKey: keys.Duration }, sortDescFirst: true }),
  helper.accessor("QueueName", { meta: { sortKey: keys.QueueName }, sortDescFirst: false }),
]);

function tableOf(data: ApiCall[]) {
  return constructTable({
    features,
    columns,
    data,
    meta: { locale: "en" },
    initialState: { sorting: [] },
  });
}

describe("the keyed sorted row model in a TanStack table", () => {
  const data = syntheticCalls(2_000, { seed: 3 });

  it("renders rows in the order sortCalls gives, for each sorting state", () => {
    const table = tableOf(data);
    for (const sorting of [
      [{ id: "Duration", desc: true }],
      [{ id: "Date", desc: false }],
      [
        { id: "QueueName", desc: false },
        { id: "Duration", desc: true },
      ],
    ]) {
      table.setSorting(sorting);
      const shown = table.getRowModel().rows.map((row) => row.original.CallID);
      expect(shown).toEqual(sortCalls(data, sorting, keys, "en").map((c) => c.CallID));
    }
  });

  it("keeps load order with no sorting, and returns the same rows while nothing changes", () => {
    const table = tableOf(data);
    expect(table.getRowModel().rows.map((r) => r.original)).toEqual(data);
    table.setSorting([{ id: "Duration", desc: true }]);
    const sorted = table.getRowModel().rows;
    expect(table.getRowModel().rows).toBe(sorted);
    // A controlled sorting parsed afresh from the URL: same content, no re-sort.
    table.setSorting([{ id: "Duration", desc: true }]);
    expect(table.getRowModel().rows).toBe(sorted);
  });

  it("toggles like a header click: first click descending for numbers, shift adds a key", () => {
    const table = tableOf(data);
    const duration = table.getColumn("Duration");
    const queue = table.getColumn("QueueName");
    duration?.toggleSorting(undefined, false);
    expect(table.atoms.sorting.get()).toEqual([{ id: "Duration", desc: true }]);
    queue?.toggleSorting(undefined, true);
    expect(table.atoms.sorting.get()).toEqual([
      { id: "Duration", desc: true },
      { id: "QueueName", desc: false },
    ]);
    expect(queue?.getSortIndex()).toBe(1);
  });
});
