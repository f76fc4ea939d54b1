"use client";

import type { Header } from "@tanstack/react-table";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";

import type { ApiCall } from "@/lib/api/calls-response";

import type { CallsTableFeatures } from "./columns";
import { SortIcon } from "./icons";
import { HEADER_HEIGHT } from "./layout";

/**
 * A sortable column header: click sorts (newest/longest first for numbers and dates),
 * Shift+click adds the column as a further sort key. `aria-sort` tells screen readers.
 */
export function ColumnHeader({
  header,
  sortCount,
}: {
  header: Header<CallsTableFeatures, ApiCall, unknown>;
  /** How many sort keys are active: the key number shows only with more than one. */
  sortCount: number;
}) {
  const t = useTranslations("table");
  const column = header.column;
  const meta = column.columnDef.meta;
  const direction = column.getIsSorted();
  const sortIndex = column.getSortIndex();
  const ariaSort = direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none";
  const label = meta?.label ?? column.id;
  const width = meta?.width ?? 150;

  return (
    <th
      role="columnheader"
      scope="col"
      aria-sort={ariaSort}
      style={{ width, minWidth: width, height: HEADER_HEIGHT }}
      className="flex shrink-0 items-stretch border-b border-slate-200 p-0 dark:border-slate-700"
    >
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        title={`${meta?.meaning ?? label}. ${t("sort.hint")}`}
        className={clsx(
          "flex w-full min-w-0 items-center gap-1 px-3 text-xs font-semibold text-slate-600 select-none hover:bg-slate-100 hover:text-slate-900 focus-visible:-outline-offset-2 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white",
          meta?.numeric ? "justify-end text-end" : "justify-start text-start",
          direction && "text-slate-900 dark:text-white",
        )}
      >
        <span className="truncate">{label}</span>
        <SortIcon
          direction={direction}
          className={clsx("size-3 shrink-0", !direction && "opacity-40")}
        />
        {direction && sortCount > 1 && (
          <span className="shrink-0 rounded bg-slate-200 px-1 text-[10px] leading-4 tabular-nums text-slate-700 dark:bg-slate-700 dark:text-slate-200">
            <span className="sr-only">{t("sort.priority", { index: sortIndex + 1 })}</span>
            <span aria-hidden="true">{sortIndex + 1}</span>
          </span>
        )}
      </button>
    </th>
  );
}
