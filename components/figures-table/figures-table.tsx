"use client";

import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, type ReactNode } from "react";

import { SortIcon } from "@/components/calls-table/icons";
import { AppLink } from "@/components/ui/app-link";
import { Card } from "@/components/ui/card";
import {
  nextFigureSort,
  sortFigureRows,
  type FigureSort,
  type FigureValue,
} from "@/lib/table/figure-sort";
import { sortCollator } from "@/lib/table/sort";

export interface FigureColumn<R> {
  /** The sort id in the URL (`sort=<id>.desc`). */
  id: string;
  label: string;
  /** What the column counts, as the header's tooltip. */
  about: string;
  numeric: boolean;
  value: (row: R) => FigureValue;
  /** The cell's text. */
  render: (row: R) => ReactNode;
  /** The totals row's cell. */
  total: ReactNode;
}

/** A numeric column of a figures table: the row's field, written, and its total. */
export function figureColumn<R, T extends Partial<Record<K, number | null>>, K extends string>(
  id: K & keyof R & keyof T,
  text: { label: string; about: string },
  write: (value: number | null) => string,
  totals: T,
): FigureColumn<R> {
  const read = (row: R) => row[id] as number | null;
  return {
    id,
    ...text,
    numeric: true,
    value: read,
    render: (row) => write(read(row)),
    total: write(totals[id] ?? null),
  };
}

interface FiguresTableProps<R> {
  caption: string;
  /** The first column names the row and links to its calls. */
  columns: readonly FigureColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The drill-down: the calls of the row on /calls, with the page's filters. */
  rowHref: (row: R) => string;
  /** The link's accessible name (the first cell shows more). */
  rowLinkLabel: (row: R) => string;
  sort: FigureSort | null;
  onSort: (sort: FigureSort) => void;
  totalLabel: string;
  testId: string;
}

const cellClass = (numeric: boolean) =>
  clsx("px-3 py-2 whitespace-nowrap", numeric ? "text-end tabular-nums" : "text-start");

/**
 * A table of figures per agent or queue: sortable by any column (the sort in the URL), with
 * a totals row; a row opens its calls (the first cell is the link, the row is clickable too).
 */
export function FiguresTable<R>(props: FiguresTableProps<R>) {
  const { columns, rows, sort, onSort } = props;
  const t = useTranslations("figures");
  const locale = useLocale();
  const router = useRouter();
  const sortColumn = columns.find((c) => c.id === sort?.id);
  const sorted = useMemo(
    () =>
      sortColumn && sort
        ? sortFigureRows(rows, sortColumn.value, sort.desc, sortCollator(locale))
        : rows,
    [rows, sortColumn, sort, locale],
  );
  const [first, ...rest] = columns;
  if (!first) return null;

  return (
    <Card className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            {columns.map((column, i) => {
              const direction = sort?.id === column.id ? (sort.desc ? "desc" : "asc") : false;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={
                    direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"
                  }
                  className={clsx(
                    "border-b border-slate-200 p-0 font-semibold dark:border-slate-700",
                    i === 0 && "sticky start-0 z-10 bg-slate-50 dark:bg-slate-900",
                  )}
                >
                  <button
                    type="button"
                    title={`${column.about} ${t("sortHint")}`}
                    onClick={() => onSort(nextFigureSort(sort, column.id, column.numeric))}
                    className={clsx(
                      "flex w-full items-center gap-1 px-3 py-2 hover:bg-slate-100 hover:text-slate-900 focus-visible:-outline-offset-2 dark:hover:bg-slate-800 dark:hover:text-white",
                      column.numeric ? "justify-end text-end" : "justify-start text-start",
                      direction && "text-slate-900 dark:text-white",
                    )}
                  >
                    <span>{column.label}</span>
                    <SortIcon
                      direction={direction}
                      className={clsx("size-3 shrink-0", !direction && "opacity-40")}
                    />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const href = props.rowHref(row);
            return (
              <tr
                key={props.rowKey(row)}
                data-row-key={props.rowKey(row)}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a")) return;
                  router.push(href);
                }}
                className="cursor-pointer border-b border-slate-100 hover:bg-sky-50 dark:border-slate-800 dark:hover:bg-slate-800/60"
              >
                <th
                  scope="row"
                  className="sticky start-0 bg-white px-3 py-2 text-start font-normal whitespace-nowrap dark:bg-slate-900"
                >
                  <AppLink
                    href={href}
                    aria-label={props.rowLinkLabel(row)}
                    className="font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
                  >
                    {first.render(row)}
                  </AppLink>
                </th>
                {rest.map((column) => (
                  <td key={column.id} className={cellClass(column.numeric)}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot className="bg-slate-50 font-semibold dark:bg-slate-900">
          <tr data-testid={`${props.testId}-totals`}>
            <th
              scope="row"
              className="sticky start-0 bg-slate-50 px-3 py-2 text-start dark:bg-slate-900"
            >
              {props.totalLabel}
            </th>
            {rest.map((column) => (
              <td key={column.id} className={cellClass(column.numeric)}>
                {column.total}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}
