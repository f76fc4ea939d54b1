"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useRef } from "react";

import type { ApiCall } from "@/lib/api/calls-response";

import { ColumnHeader } from "./column-header";
import { HEADER_HEIGHT, LEGS_WIDTH } from "./layout";
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
 * sortable by any column (Shift+click adds keys), header kept in view while scrolling. With
 * `getSubRows` its rows are conversations and it is a tree grid: legs expand beneath them.
 */
export function CallsTable({ selectedCallId, onRowClick, className, ...options }: CallsTableProps) {
  const t = useTranslations("table");
  const table = useCallsTable(options);
  const conversations = options.getSubRows !== undefined;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowCount = table.getRowModel().rows.length;
  const headerGroups = table.getHeaderGroups();
  const sortCount = table.state.sorting.length;
  const width = table
    .getVisibleLeafColumns()
    .reduce(
      (sum, column) => sum + (column.columnDef.meta?.width ?? 150),
      conversations ? LEGS_WIDTH : 0,
    );

  return (
    <div
      ref={scrollRef}
      className={clsx(
        "relative overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950",
        className ?? "h-[70vh]",
      )}
    >
      <table
        role={conversations ? "treegrid" : "grid"}
        aria-label={t(conversations ? "conversations.label" : "label")}
        aria-rowcount={rowCount + 1}
        aria-colcount={table.getVisibleLeafColumns().length + (conversations ? 1 : 0)}
        aria-multiselectable={false}
        className="grid"
        style={{ minWidth: width }}
      >
        <thead role="rowgroup" className="sticky top-0 z-10 grid bg-slate-50 dark:bg-slate-900">
          {headerGroups.map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1} className="flex w-full">
              {conversations ? (
                <th
                  role="columnheader"
                  scope="col"
                  style={{ width: LEGS_WIDTH, minWidth: LEGS_WIDTH, height: HEADER_HEIGHT }}
                  className="flex shrink-0 items-center border-b border-slate-200 px-2 text-xs font-semibold text-slate-600 dark:border-slate-700 dark:text-slate-300"
                  title={t("conversations.legsMeaning")}
                >
                  {t("conversations.legs")}
                </th>
              ) : null}
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
          conversations={conversations}
        />
      </table>
    </div>
  );
}
