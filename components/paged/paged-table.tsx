"use client";

import type { Row } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";

import { CallRow } from "@/components/calls-table/call-row";
import { ColumnHeader } from "@/components/calls-table/column-header";
import type { CallsTableFeatures } from "@/components/calls-table/columns";
import { HEADER_HEIGHT, ROW_HEIGHT } from "@/components/calls-table/layout";
import { useCallsTable, type UseCallsTableOptions } from "@/components/calls-table/use-calls-table";
import type { ApiCall } from "@/lib/api/calls-response";

import type { PagedRows } from "./use-paged-rows";

const OVERSCAN = 12;

export interface PagedCallsTableProps extends Omit<UseCallsTableOptions, "calls" | "getSubRows"> {
  rows: PagedRows;
  selectedCallId?: string;
  onRowClick?: (call: ApiCall) => void;
  className?: string;
}

/**
 * The calls grid beyond the threshold: the scrollbar spans every row of the view (the
 * server's count), rows are fetched a page at a time as they come into view, and sorting
 * (Shift+click adds keys) and the column chooser work as in the full table — the server
 * sorts, in the browser's order. Rows not loaded yet show as placeholders.
 */
export function PagedCallsTable({
  rows,
  selectedCallId,
  onRowClick,
  className,
  ...options
}: PagedCallsTableProps) {
  const t = useTranslations("table");
  const tp = useTranslations("paged");
  const table = useCallsTable({ ...options, calls: rows.calls });
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const visibleColumns = table.getVisibleLeafColumns();
  const width = visibleColumns.reduce((sum, c) => sum + (c.columnDef.meta?.width ?? 150), 0);
  const sortCount = table.state.sorting.length;

  const tableRows = table.getRowModel().rows;
  const { calls, indexOf } = rows;
  const byIndex = useMemo(() => {
    const globalOf = new Map<string, number>();
    calls.forEach((call, i) => globalOf.set(call.CallID, indexOf[i] ?? -1));
    const out = new Map<number, Row<CallsTableFeatures, ApiCall>>();
    for (const row of tableRows) {
      const at = globalOf.get(row.original.CallID);
      if (at !== undefined) out.set(at, row);
    }
    return out;
  }, [calls, indexOf, tableRows]);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 1280, height: 720 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { onRange } = rows;
  useEffect(() => onRange(first, last), [onRange, first, last]);

  return (
    <div
      ref={scrollRef}
      data-testid="paged-table"
      className={clsx(
        "relative overflow-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950",
        className ?? "h-[70vh]",
      )}
    >
      <table
        role="grid"
        aria-label={t("label")}
        aria-rowcount={total + 1}
        aria-colcount={visibleColumns.length}
        aria-busy={rows.fetching}
        className="grid"
        style={{ minWidth: width }}
      >
        <thead role="rowgroup" className="sticky top-0 z-10 grid bg-slate-50 dark:bg-slate-900">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1} className="flex w-full">
              {group.headers.map((header) => (
                <ColumnHeader key={header.id} header={header} sortCount={sortCount} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          role="rowgroup"
          className="relative grid"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = byIndex.get(item.index);
            const start = item.start - HEADER_HEIGHT;
            if (!row) {
              return (
                <tr
                  key={`placeholder-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-index={item.index}
                  data-placeholder=""
                  style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
                  className="absolute inset-x-0 top-0 flex border-b border-slate-100 text-sm text-slate-400 dark:border-slate-800"
                >
                  <td role="gridcell" className="flex items-center px-3">
                    {tp("loadingRow")}
                  </td>
                </tr>
              );
            }
            return (
              <CallRow
                key={`${item.index}-${row.id}`}
                row={row}
                index={item.index}
                start={start}
                columns={visibleColumns}
                selected={row.original.CallID === selectedCallId}
                tabbable={item.index === first}
                onFocusRow={noop}
                onRowClick={onRowClick}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function noop() {}
