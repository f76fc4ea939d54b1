import type { ApiCall } from "@/lib/api/calls-response";

import type { SortKeyFn } from "./columns";
import { sortCollator, sortPermutation, type ColumnSort } from "./sort";

/**
 * A drop-in for TanStack Table's `createSortedRowModel()` that sorts with precomputed keys
 * (see `sort.ts`) instead of calling a comparator on row values: the table's sorting state,
 * header toggles and `getRowModel()` work as usual, and 100,000 rows sort in tens of ms.
 *
 * Columns opt in through `meta.sortKey`; the collation locale is `options.meta.locale`.
 */

export interface KeyedSortColumnMeta {
  sortKey?: SortKeyFn;
}

export interface KeyedSortTableMeta {
  locale: string;
}

// Structural views of the table-core objects read here: the `sortedRowModel` feature slot
// is typed `(table: any) => () => RowModel<any, any>`, so nothing stronger is on offer.
interface RowLike {
  original: ApiCall;
}
interface RowModelLike<TRow extends RowLike> {
  rows: TRow[];
  flatRows: TRow[];
  rowsById: Record<string, TRow>;
}
interface TableLike<TRow extends RowLike> {
  atoms: { sorting?: { get(): readonly ColumnSort[] } };
  options: { data: readonly ApiCall[]; meta?: Partial<KeyedSortTableMeta> };
  getPreSortedRowModel(): RowModelLike<TRow>;
  getColumn(id: string): { columnDef: { meta?: KeyedSortColumnMeta } } | undefined;
}

export function createKeyedSortedRowModel() {
  return <TRow extends RowLike>(table: TableLike<TRow>) => {
    let last:
      | {
          pre: RowModelLike<TRow>;
          sorting: readonly ColumnSort[];
          locale: string;
          result: RowModelLike<TRow>;
        }
      | undefined;
    return (): RowModelLike<TRow> => {
      const pre = table.getPreSortedRowModel();
      const sorting = table.atoms.sorting?.get() ?? [];
      const locale = table.options.meta?.locale ?? "en";
      if (
        last &&
        last.pre === pre &&
        sameSorting(last.sorting, sorting) &&
        last.locale === locale
      ) {
        return last.result;
      }
      const result = sortRowModel(table, pre, sorting, locale);
      last = { pre, sorting, locale, result };
      return result;
    };
  };
}

function sortRowModel<TRow extends RowLike>(
  table: TableLike<TRow>,
  pre: RowModelLike<TRow>,
  sorting: readonly ColumnSort[],
  locale: string,
): RowModelLike<TRow> {
  const keyFns: Record<string, SortKeyFn> = {};
  for (const { id } of sorting) {
    const keyFn = table.getColumn(id)?.columnDef.meta?.sortKey;
    if (keyFn) keyFns[id] = keyFn;
  }
  const active = sorting.filter((s) => keyFns[s.id]);
  if (active.length === 0 || pre.rows.length === 0) return pre;
  const collator = sortCollator(locale);
  const data = table.options.data;
  // With no filtering or grouping the rows are the data in order: keying on the data array
  // shares the cached keys with `sortCalls` over the same array.
  const order =
    data.length === pre.rows.length && pre.rows[0]?.original === data[0]
      ? sortPermutation({ items: data, callOf: (call) => call }, active, keyFns, collator)
      : sortPermutation(
          { items: pre.rows, callOf: (row) => row.original },
          active,
          keyFns,
          collator,
        );
  const rows = new Array<TRow>(order.length);
  for (let i = 0; i < order.length; i++) rows[i] = pre.rows[order[i] as number] as TRow;
  return { rows, flatRows: rows, rowsById: pre.rowsById };
}

/** Equal by content: a controlled `sorting` may be a new array with the same keys. */
function sameSorting(a: readonly ColumnSort[], b: readonly ColumnSort[]): boolean {
  return (
    a === b ||
    (a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.desc === b[i]?.desc))
  );
}
