"use client";

import { flexRender, type Column, type Row } from "@tanstack/react-table";
import { clsx } from "clsx";
import { memo } from "react";

import type { ApiCall } from "@/lib/api/calls-response";

import type { CallsTableFeatures } from "./columns";
import { ROW_HEIGHT } from "./layout";
import { LegsCell } from "./legs-cell";

/**
 * One call. Memoized: while scrolling, rows already on screen keep their props (same Row
 * object, same start) and do not re-render. `columns` (the visible leaf columns) is what
 * changes when the shown columns, their order, the language or the time zone change.
 */
export const CallRow = memo(function CallRow({
  row,
  index,
  start,
  selected,
  tabbable,
  onFocusRow,
  onRowClick,
  conversations = false,
  depth = 0,
  legCount = 0,
  expanded = false,
  position = 0,
}: {
  row: Row<CallsTableFeatures, ApiCall>;
  index: number;
  /** Offset from the top of the body. */
  start: number;
  // Read only through `row.getVisibleCells()`; a prop so that memo sees column changes.
  columns: readonly Column<CallsTableFeatures, ApiCall, unknown>[];
  selected: boolean;
  tabbable: boolean;
  onFocusRow: (index: number) => void;
  onRowClick: ((call: ApiCall) => void) | undefined;
  // Conversations mode: where the row sits among conversations and their legs (primitives,
  // so that memo compares them).
  conversations?: boolean;
  depth?: number;
  legCount?: number;
  expanded?: boolean;
  /** A leg's 1-based place among its conversation's legs. */
  position?: number;
}) {
  const expandable = conversations && depth === 0 && legCount > 1;
  const leg = conversations && depth > 0;
  return (
    <tr
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-level={conversations ? depth + 1 : undefined}
      aria-expanded={expandable ? expanded : undefined}
      data-index={index}
      data-call-id={row.original.CallID}
      data-leg={leg ? position : undefined}
      data-legs={conversations && !leg ? Math.max(1, legCount) : undefined}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocusRow(index)}
      onClick={onRowClick ? () => onRowClick(row.original) : undefined}
      style={{ height: ROW_HEIGHT, transform: `translateY(${start}px)` }}
      className={clsx(
        "absolute inset-x-0 top-0 flex border-b border-slate-100 text-sm focus-visible:-outline-offset-2 dark:border-slate-800",
        onRowClick && "cursor-pointer",
        selected
          ? "bg-sky-100 dark:bg-sky-900/50"
          : leg
            ? "bg-slate-50 hover:bg-slate-100 dark:bg-slate-900 dark:hover:bg-slate-800/60"
            : "hover:bg-slate-50 dark:hover:bg-slate-800/60",
      )}
    >
      {conversations ? (
        <LegsCell
          depth={depth}
          legCount={legCount}
          expanded={expanded}
          position={position}
          onToggle={() => row.toggleExpanded()}
        />
      ) : null}
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        const width = meta?.width ?? 150;
        return (
          <td
            key={cell.id}
            role="gridcell"
            style={{ width, minWidth: width }}
            className={clsx(
              "flex shrink-0 items-center overflow-hidden px-3 whitespace-nowrap",
              meta?.numeric ? "justify-end text-end" : "justify-start text-start",
            )}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
});
