"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useRef } from "react";

import type { ApiCall } from "@/lib/api/calls-response";

import { ColumnHeader } from "./column-header";
import { CallsTableBody } from "./table-body";
import { useCallsTable, type UseCallsTableOptions } from "./use-calls-table";

export interface CallsTableProps extends UseCallsTableOptions {
  /** The call whose row is highlighted (the one open in the drawer). */
  selectedCallId?: string;
  /** A row was clicked, or Enter/Space pressed on it. Pass a stable callback (useCallback). */
  onRowClick?: (call: ApiCall) => void;
  /** Sizes the scroll area; it needs a height (default `h-[70vh]`). */
  className?: string;
}

/**
 * The calls grid: every loaded call, virtualized (only the rows on screen are in the DOM),
 * sortable by any column (Shift+click adds keys), header kept in view while scrolling.
 */
export function CallsTable({ selectedCallId, onRowClick, className, ...options }: CallsTableProps) {
  const t = useTranslations("table");
  const table = useCallsTable(options);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = table.getRowModel().rows.length;
  const headerGroups = table.getHeaderGroups();
  const sortCount = table.state.sorting.length;
  const width = table
    .getVisibleLeafColumns()
    .reduce((sum, column) => sum + (column.columnDef.meta?.width ?? 150), 0);

  return (
    <div
      ref={scrollRef}
      className={clsx(
        "relative overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950",
        className ?? "h-[70vh]",
      )}
    >
      <table
        role="grid"
        aria-label={t("label")}
        aria-rowcount={rowCount + 1}
        aria-colcount={table.getVisibleLeafColumns().length}
        aria-multiselectable={false}
        className="grid"
        style={{ minWidth: width }}
      >
        <thead role="rowgroup" className="sticky top-0 z-10 grid bg-slate-50 dark:bg-slate-900">
          {headerGroups.map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1} className="flex w-full">
              {group.headers.map((header) => (
                <ColumnHeader key={header.id} header={header} sortCount={sortCount} />
              ))}
            </tr>
          ))}
        </thead>
        <CallsTableBody
          table={table}
          scrollRef={scrollRef}
          selectedCallId={selectedCallId}
          onRowClick={onRowClick}
        />
      </table>
    </div>
  );
}
