"use client";

import type { SortingState } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

import type { ApiCall } from "@/lib/api-call";
import { callsToCsv } from "@/lib/csv/csv";
import { downloadCsv } from "@/lib/csv/download";
import { sortKeysFor, type ColumnId } from "@/lib/table/columns";
import { sortCalls } from "@/lib/table/sort";
import { wallTime } from "@/lib/time-zone";

/** Every listed call (not just the screen), in the table's order and columns, as CSV. */
export function useExport(opts: {
  calls: readonly ApiCall[];
  sorting: SortingState;
  visibleColumns: readonly ColumnId[];
  timeZone: string;
}) {
  const t = useTranslations("table");
  const locale = useLocale();
  const { calls, sorting, visibleColumns, timeZone } = opts;
  const run = useCallback(() => {
    const translate = (key: string) => t(key);
    const rows = sortCalls(calls, sorting, sortKeysFor(translate), locale);
    const csv = callsToCsv(rows, visibleColumns, { timeZone, locale, t: translate });
    const w = wallTime(Date.now(), timeZone);
    const stamp = `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
    downloadCsv(`callboard-calls-${stamp}.csv`, csv);
  }, [calls, sorting, visibleColumns, timeZone, t, locale]);
  return { run };
}
