"use client";

import { clsx } from "clsx";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import { SortIcon } from "@/components/calls-table/icons";
import { AppLink } from "@/components/ui/app-link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { CallbackRow } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";
import {
  isWorklistColumn,
  NUMERIC_COLUMNS,
  sortValue,
  WORKLIST_COLUMN_IDS,
  type WorklistColumnId,
} from "@/lib/callbacks/worklist";
import { nextFigureSort, sortFigureRows, type FigureSort } from "@/lib/table/figure-sort";
import { sortCollator } from "@/lib/table/sort";

import { useWorklistCells } from "./worklist-cells";

const PAGE_ROWS = 100;

interface WorklistTableProps {
  /** In order (useSortedWorklist): the export writes the same. */
  rows: readonly CallbackRow[];
  work: ReadonlyMap<string, CallbackWork>;
  /** The headers' sort marks. */
  sort: FigureSort | null;
  onSort: (sort: FigureSort) => void;
  selected: string | null;
  onSelect: (key: string) => void;
  /** Assign the row to me; absent when the role may not. */
  onTake?: (row: CallbackRow) => void;
  callsHref: (row: CallbackRow) => string;
  timeZone: string;
}

/** The sorted rows as the table shows them (also the export's order). */
export function useSortedWorklist(
  rows: readonly CallbackRow[],
  work: ReadonlyMap<string, CallbackWork>,
  sort: FigureSort | null,
): readonly CallbackRow[] {
  const locale = useLocale();
  return useMemo(() => {
    if (!sort || !isWorklistColumn(sort.id)) return rows;
    const id = sort.id;
    return sortFigureRows(
      rows,
      (r) => sortValue(id, r, work.get(r.key)),
      sort.desc,
      sortCollator(locale),
    );
  }, [rows, work, sort, locale]);
}

/**
 * The worklist: one row per missed caller's episode, sortable by any column (the sort in
 * the URL); the caller opens their calls, Open (or a click on the row) selects it.
 */
export function WorklistTable(props: WorklistTableProps) {
  const { rows, work, sort, onSort, selected } = props;
  const t = useTranslations("callbacks");
  const cells = useWorklistCells(props.timeZone);
  // A busy day lists hundreds: they paint a page at a time (the export writes them all).
  const [limit, setLimit] = useState(PAGE_ROWS);
  const shown = rows.length > limit ? rows.slice(0, limit) : rows;
  const header = (id: WorklistColumnId) => {
    const direction = sort?.id === id ? (sort.desc ? "desc" : "asc") : false;
    const numeric = NUMERIC_COLUMNS.has(id);
    return (
      <th
        key={id}
        scope="col"
        aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}
        className="border-b border-slate-200 p-0 font-semibold dark:border-slate-700"
      >
        <button
          type="button"
          title={`${id === "waiting" ? `${t("about.waiting")} ` : ""}${t("sortHint")}`}
          onClick={() => onSort(nextFigureSort(sort, id, numeric))}
          className={clsx(
            "flex w-full items-center gap-1 px-3 py-2 hover:bg-slate-100 focus-visible:-outline-offset-2 dark:hover:bg-slate-800",
            numeric ? "justify-end text-end" : "justify-start text-start",
            direction && "text-slate-900 dark:text-white",
          )}
        >
          <span>{t(`columns.${id}`)}</span>
          <SortIcon
            direction={direction}
            className={clsx("size-3 shrink-0", !direction && "opacity-40")}
          />
        </button>
      </th>
    );
  };
  return (
    // relative: the header's screen-reader text is clipped by the frame, not the page
    <Card className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="worklist-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-900 dark:text-slate-300">
          <tr>
            {WORKLIST_COLUMN_IDS.map(header)}
            <th
              scope="col"
              className="border-b border-slate-200 px-3 py-2 text-end font-semibold dark:border-slate-700"
            >
              <span className="sr-only">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const w = work.get(row.key);
            const isSelected = row.key === selected;
            const number = cells.number(row);
            return (
              <tr
                key={row.key}
                data-row-key={row.key}
                data-state={cells.stateOf(row)}
                data-first-missed={row.firstMissedAt}
                data-reached-at={row.reachedAt ?? undefined}
                aria-selected={isSelected}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a,button")) return;
                  props.onSelect(row.key);
                }}
                className={clsx(
                  "cursor-pointer border-b border-slate-100 dark:border-slate-800",
                  isSelected
                    ? "bg-sky-50 dark:bg-sky-950/50"
                    : "hover:bg-slate-50 dark:hover:bg-slate-800/60",
                )}
              >
                <th scope="row" className="px-3 py-2 text-start font-normal whitespace-nowrap">
                  <AppLink
                    href={props.callsHref(row)}
                    aria-label={t("openCalls", { number })}
                    className="font-medium text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
                    data-testid="worklist-caller"
                  >
                    <bdi dir="ltr">{number}</bdi>
                  </AppLink>
                  {row.carried ? (
                    <span
                      className="block text-xs text-slate-500 dark:text-slate-400"
                      title={t("carried")}
                    >
                      {t("since", { date: cells.time(row.firstMissedAt) })}
                    </span>
                  ) : null}
                </th>
                <td className="px-3 py-2 text-end tabular-nums">{row.attempts}</td>
                <td className="px-3 py-2 text-end whitespace-nowrap tabular-nums">
                  {cells.time(row.firstMissedAt)}
                </td>
                <td className="px-3 py-2 text-end whitespace-nowrap tabular-nums">
                  {cells.time(row.lastMissedAt)}
                </td>
                <td
                  className="px-3 py-2 text-end whitespace-nowrap tabular-nums"
                  data-testid="worklist-waiting"
                >
                  {cells.waiting(row)}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{row.queue ?? t("nobody")}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <bdi dir="ltr">{row.did ?? t("nobody")}</bdi>
                </td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="worklist-assignee">
                  {w?.assignee?.label ?? t("nobody")}
                </td>
                <td className="px-3 py-2" data-testid="worklist-state">
                  {cells.state(row)}
                </td>
                <td className="max-w-56 px-3 py-2" data-testid="worklist-note">
                  {cells.note(w)}
                </td>
                <td className="px-3 py-2 text-end whitespace-nowrap">
                  <span className="inline-flex gap-1.5">
                    {props.onTake && row.status === "open" && !w?.assignee ? (
                      <Button
                        size="sm"
                        aria-label={t("takeLabel", { number })}
                        onClick={() => props.onTake?.(row)}
                      >
                        {t("take")}
                      </Button>
                    ) : null}
                    <Button
                      size="sm"
                      aria-label={t("selectLabel", { number })}
                      aria-expanded={isSelected}
                      aria-controls="callback-panel"
                      onClick={() => props.onSelect(row.key)}
                    >
                      {t("select")}
                    </Button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <div className="flex items-center gap-3 border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
          <Button size="sm" onClick={() => setLimit(limit + PAGE_ROWS)} data-testid="worklist-more">
            {t("more", { count: Math.min(PAGE_ROWS, rows.length - shown.length) })}
          </Button>
          <span className="text-slate-600 dark:text-slate-400">
            {t("shownOf", { shown: shown.length, total: rows.length })}
          </span>
        </div>
      ) : null}
    </Card>
  );
}
