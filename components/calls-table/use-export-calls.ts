"use client";

import type { SortingState } from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";

import type { ApiCall } from "@/lib/api/calls-response";
import { exportFilters, EXPORTS_PATH, type ExportRecord } from "@/lib/api/export-record";
import { sendJson, type SendResult } from "@/lib/api/send-json";
import { callsToCsv } from "@/lib/csv/csv";
import { downloadCsv } from "@/lib/csv/download";
import { loadPhoneLibrary } from "@/lib/format/phone";
import { sortKeysFor, type ColumnId } from "@/lib/table/columns";
import { sortCalls } from "@/lib/table/sort";

/**
 * The table's Export CSV action: every loaded call, in the table's sort order and shown
 * columns, times in the screen's zone. The server is told first (it checks the role and
 * audits the export with its filters and row count); only its go-ahead writes the file.
 * Returns the action, whether it is running (a 100,000-row export takes a moment; the
 * button shows it) and why the last one was refused.
 */
export function useExportCalls({
  calls,
  sorting,
  visibleColumns,
  timeZone,
  filename,
}: {
  calls: readonly ApiCall[];
  sorting: SortingState;
  visibleColumns: readonly ColumnId[];
  timeZone: string;
  /** e.g. `calls-2024-03-01-2024-03-07.csv` (the page knows the range). */
  filename: string;
}) {
  const t = useTranslations("table");
  const locale = useLocale();
  const [exporting, setExporting] = useState(false);
  const [refusal, setRefusal] = useState<Exclude<SendResult<unknown>, { ok: true }> | undefined>();

  const exportCsv = useCallback(() => {
    setExporting(true);
    setRefusal(undefined);
    const record: ExportRecord = {
      format: "csv",
      filters: exportFilters(window.location.search),
      rows: calls.length,
      columns: [...visibleColumns],
    };
    // The server records the export first (and refuses a role that may not). Foreign
    // numbers are written formatted: the phone library first (loaded once); and the
    // "Exporting…" state paints before the main thread is busy writing the file.
    const painted = new Promise((resolve) => setTimeout(resolve, 0));
    const recorded = sendJson("POST", EXPORTS_PATH, record);
    void Promise.all([recorded, loadPhoneLibrary().catch(() => undefined), painted]).then(
      ([answer]) => {
        if (!answer.ok) {
          setRefusal(answer);
          setExporting(false);
          return;
        }
        try {
          const ordered = sortCalls(calls, sorting, sortKeysFor(t), locale);
          downloadCsv(filename, callsToCsv(ordered, visibleColumns, { timeZone, locale, t }));
        } finally {
          setExporting(false);
        }
      },
    );
  }, [calls, sorting, visibleColumns, timeZone, filename, t, locale]);

  return { exportCsv, exporting, refusal };
}
