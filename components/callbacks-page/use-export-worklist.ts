"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";

import type { CallbackRow } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";
import { exportFilters, EXPORTS_PATH, type ExportRecord } from "@/lib/api/export-record";
import { sendJson, type SendResult } from "@/lib/api/send-json";
import { WORKLIST_CSV_COLUMNS, worklistToCsv } from "@/lib/callbacks/worklist-csv";
import { downloadCsv } from "@/lib/csv/download";
import { loadPhoneLibrary } from "@/lib/format/phone";

/**
 * The worklist's Export CSV: the rows as listed (state filter, sort), with their work. As
 * the calls export, the server is told first (role checked, audited as calls.export with the
 * page named); only its go-ahead writes the file.
 */
export function useExportWorklist({
  rows,
  work,
  timeZone,
  filename,
}: {
  rows: readonly CallbackRow[];
  work: ReadonlyMap<string, CallbackWork>;
  timeZone: string;
  filename: string;
}) {
  const t = useTranslations("callbacks");
  const [exporting, setExporting] = useState(false);
  const [refusal, setRefusal] = useState<Exclude<SendResult<unknown>, { ok: true }> | undefined>();

  const exportCsv = useCallback(() => {
    setExporting(true);
    setRefusal(undefined);
    const record: ExportRecord = {
      format: "csv",
      filters: { ...exportFilters(window.location.search), page: "callbacks" },
      rows: rows.length,
      columns: [...WORKLIST_CSV_COLUMNS],
    };
    const recorded = sendJson("POST", EXPORTS_PATH, record);
    void Promise.all([recorded, loadPhoneLibrary().catch(() => undefined)]).then(([answer]) => {
      try {
        if (!answer.ok) {
          setRefusal(answer);
          return;
        }
        downloadCsv(
          filename,
          worklistToCsv(rows, work, {
            timeZone,
            header: (column) => t(`csv.${column}`),
            state: (state) => t(`state.${state}`),
          }),
        );
      } finally {
        setExporting(false);
      }
    });
  }, [rows, work, timeZone, filename, t]);

  return { exportCsv, exporting, refusal };
}
