/**
 * Sorting the figure tables (agents, queues): by one column, numbers or text, empty values
 * (null: no average without calls) last in either direction, ties in the rows' own order.
 */

export type FigureValue = number | string | null;

export interface FigureSort {
  id: string;
  desc: boolean;
}

export function sortFigureRows<R>(
  rows: readonly R[],
  value: (row: R) => FigureValue,
  desc: boolean,
  collator: Intl.Collator,
): R[] {
  const keyed = rows.map((row, index) => ({ row, index, key: value(row) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    }
    const order =
      typeof a.key === "number" && typeof b.key === "number"
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key));
    return (desc ? -order : order) || a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

/** A header click: a new column starts in its first direction, the same column flips. */
export function nextFigureSort(
  current: FigureSort | null,
  id: string,
  descFirst: boolean,
): FigureSort {
  return current?.id === id ? { id, desc: !current.desc } : { id, desc: descFirst };
}
