import {
  columnOrderingFeature,
  columnVisibilityFeature,
  constructTable,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  tableFeatures,
  type SortingState,
} from "@tanstack/table-core";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";

import type { ApiCall } from "@/lib/api/calls-response";
import type { Translate } from "@/lib/format/labels";
import { sortKeysFor } from "@/lib/table/columns";
import { sortCalls } from "@/lib/table/sort";
import { createKeyedSortedRowModel, type KeyedSortColumnMeta } from "@/lib/table/sorted-row-model";

import { median } from "./stats";
import { syntheticCalls } from "./synthetic-calls";

/**
 * Sorting 100,000 calls, three ways: the pure sorter (`sortCalls`), the table with our
 * keyed row model (what the UI runs), and TanStack's own sorted row model for comparison.
 * Each figure is the median of `runs` sorts from a cold key cache (a fresh data array).
 * Wired into `npm run bench`; prints nothing itself.
 */

export interface SortBenchResult {
  rows: number;
  /** `sortCalls` by Duration (desc) / Date (desc), keys computed from scratch. */
  sortCallsDurationMs: number;
  sortCallsDateMs: number;
  /** The same, keys already cached (re-sorting a column sorted before). */
  sortCallsDurationWarmMs: number;
  /** Table with the keyed sorted row model, by Duration / by Date. */
  keyedTableDurationMs: number;
  keyedTableDateMs: number;
  /** Table with TanStack's `createSortedRowModel()`, by Duration / by Date. */
  tanstackTableDurationMs: number;
  tanstackTableDateMs: number;
}

const t: Translate = (key) => key;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

// The type-only `columnMeta` slot of tableFeatures.
const columnMeta: KeyedSortColumnMeta = {};

function tableSortMs(calls: ApiCall[], sorting: SortingState, model: "keyed" | "tanstack"): number {
  const keys = sortKeysFor(t);
  const features =
    model === "keyed"
      ? tableFeatures({
          coreReactivityFeature: storeReactivityBindings(),
          rowSortingFeature,
          columnVisibilityFeature,
          columnOrderingFeature,
          sortedRowModel: createKeyedSortedRowModel(),
          columnMeta,
        })
      : tableFeatures({
          coreReactivityFeature: storeReactivityBindings(),
          rowSortingFeature,
          columnVisibilityFeature,
          columnOrderingFeature,
          sortedRowModel: createSortedRowModel(),
          sortFns: {
            basic: sortFn_basic,
            datetime: sortFn_datetime,
            alphanumeric: sortFn_alphanumeric,
          },
          columnMeta,
        });
  const helper = createColumnHelper<typeof features, ApiCall>();
  const columns = helper.columns([
    helper.accessor("Duration", { sortFn: "basic", meta: { sortKey: keys.Duration } }),
    // TanStack compares Date objects with `datetime`; that is what it would get from an
    // accessor that parses the ISO text once per row (cached by the row).
    helper.accessor((call) => (call.Date ? new Date(call.Date) : undefined), {
      id: "Date",
      sortFn: "datetime",
      meta: { sortKey: keys.Date },
    }),
  ]);
  const table = constructTable({
    features,
    columns,
    data: calls,
    initialState: { sorting: [] },
  });
  table.getRowModel(); // build the core rows outside the timing, as a loaded table has
  return time(() => {
    table.setSorting(sorting);
    table.getRowModel();
  });
}

export function benchSort(rows = 100_000, runs = 5): SortBenchResult {
  const byDuration: SortingState = [{ id: "Duration", desc: true }];
  const byDate: SortingState = [{ id: "Date", desc: true }];
  const keys = sortKeysFor(t);
  const samples: Record<keyof Omit<SortBenchResult, "rows">, number[]> = {
    sortCallsDurationMs: [],
    sortCallsDateMs: [],
    sortCallsDurationWarmMs: [],
    keyedTableDurationMs: [],
    keyedTableDateMs: [],
    tanstackTableDurationMs: [],
    tanstackTableDateMs: [],
  };
  for (let run = 0; run < runs; run++) {
    let calls = syntheticCalls(rows, { seed: run + 1 });
    samples.sortCallsDurationMs.push(time(() => sortCalls(calls, byDuration, keys, "en")));
    samples.sortCallsDurationWarmMs.push(time(() => sortCalls(calls, byDuration, keys, "en")));
    samples.sortCallsDateMs.push(time(() => sortCalls(calls, byDate, keys, "en")));
    calls = syntheticCalls(rows, { seed: run + 1 });
    samples.keyedTableDurationMs.push(tableSortMs(calls, byDuration, "keyed"));
    samples.keyedTableDateMs.push(tableSortMs(calls, byDate, "keyed"));
    samples.tanstackTableDurationMs.push(tableSortMs(calls, byDuration, "tanstack"));
    samples.tanstackTableDateMs.push(tableSortMs(calls, byDate, "tanstack"));
  }
  return {
    rows,
    ...(Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [name, median(values)]),
    ) as Omit<SortBenchResult, "rows">),
  };
}
