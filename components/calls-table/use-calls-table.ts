"use client";

import {
  functionalUpdate,
  useTable,
  type ColumnOrderState,
  type ColumnVisibilityState,
  type ExpandedState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import type { ApiCall } from "@/lib/api/calls-response";
import {
  COLUMN_IDS,
  isColumnId,
  normalizeVisibleColumns,
  type ColumnId,
} from "@/lib/table/columns";

import { buildColumns, callsTableFeatures } from "./columns";
import { usePhoneFormatVersion } from "./use-phone-format";

export interface UseCallsTableOptions {
  /** Every loaded call; the table sorts them itself (keyed sort, see lib/table/sort.ts). */
  calls: readonly ApiCall[];
  /** Sort keys in priority order; ids that are not columns are ignored. */
  sorting: SortingState;
  onSortingChange: (next: SortingState) => void;
  /** Shown columns, in display order. */
  visibleColumns: readonly ColumnId[];
  onVisibleColumnsChange?: (next: ColumnId[]) => void;
  /** IANA zone the times are shown in (the viewer's). */
  timeZone: string;
  /**
   * Conversations: the legs beneath a row (undefined for a row that is one record). Rows
   * with legs expand; sorting orders the rows, legs stay in time order beneath them.
   */
  getSubRows?: (row: ApiCall) => readonly ApiCall[] | undefined;
}

/**
 * The calls table's TanStack Table instance, fully controlled: sorting and the visible
 * column list live with the caller (the page keeps them in the URL).
 */
export function useCallsTable({
  calls,
  sorting,
  onSortingChange,
  visibleColumns,
  onVisibleColumnsChange,
  timeZone,
  getSubRows,
}: UseCallsTableOptions) {
  const t = useTranslations("table");
  const locale = useLocale();
  const phoneFormat = usePhoneFormatVersion();
  const columns = useMemo(
    () => buildColumns({ t, locale, timeZone }),
    // phoneFormat: the cells render again once foreign numbers can be formatted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale, timeZone, phoneFormat],
  );
  const meta = useMemo(() => ({ locale }), [locale]);

  // The page may parse these from the URL on every render: depend on their content, not
  // their identity, or every render would re-sort and re-render every row.
  const sortingKey = sorting.map((s) => `${s.id}:${s.desc ? "d" : "a"}`).join(",");
  const visibleKey = visibleColumns.join(",");
  // An id that is not a column (a hand-edited URL) would make the table warn; drop it here.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on content (above)
  const knownSorting = useMemo(() => sorting.filter((s) => isColumnId(s.id)), [sortingKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on content (above)
  const shown = useMemo(() => normalizeVisibleColumns(visibleColumns), [visibleKey]);
  const columnVisibility = useMemo<ColumnVisibilityState>(() => {
    const visible = new Set<string>(shown);
    return Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.has(id)]));
  }, [shown]);
  const columnOrder = useMemo<ColumnOrderState>(
    () => [...shown, ...COLUMN_IDS.filter((id) => !shown.includes(id))],
    [shown],
  );
  // Which conversations show their legs: not in the URL (the rows it names change with data).
  const [expanded, setExpanded] = useState<ExpandedState>({});

  return useTable({
    features: callsTableFeatures,
    columns,
    data: calls,
    meta,
    getSubRows,
    state: { sorting: knownSorting, columnVisibility, columnOrder, expanded },
    onExpandedChange: setExpanded,
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(functionalUpdate(updater, knownSorting)),
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      onVisibleColumnsChange?.(
        columnOrder.filter((id): id is ColumnId => isColumnId(id) && next[id] !== false),
      );
    },
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) => {
      const next = functionalUpdate(updater, columnOrder);
      onVisibleColumnsChange?.(
        next.filter((id): id is ColumnId => isColumnId(id) && shown.includes(id)),
      );
    },
    enableMultiSort: true,
    enableSortingRemoval: true,
  });
}

export type CallsTableInstance = ReturnType<typeof useCallsTable>;
