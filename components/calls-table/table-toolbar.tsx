"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import type { ColumnId } from "@/lib/table/columns";

import { ColumnChooser } from "./column-chooser";
import { DownloadIcon } from "./icons";

export interface TableToolbarProps {
  visibleColumns: readonly ColumnId[];
  onVisibleColumnsChange: (next: ColumnId[]) => void;
  /** Export every loaded call in the shown columns (see `callsToCsv`, `downloadCsv`); no button without it. */
  onExport?: () => void;
  /** Why the server refused the last export, as a sentence. */
  exportProblem?: string;
  /** No calls loaded yet, or an export running. */
  exportDisabled?: boolean;
  exporting?: boolean;
  /** Shown at the start of the bar (the page's "12,345 calls"). */
  children?: ReactNode;
}

/** Above the table: the page's own content at the start, column chooser and CSV export at the end. */
export function TableToolbar({
  visibleColumns,
  onVisibleColumnsChange,
  onExport,
  exportDisabled = false,
  exporting = false,
  exportProblem,
  children,
}: TableToolbarProps) {
  const t = useTranslations("table");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <div className="min-w-0">{children}</div>
      <div className="flex items-center gap-2">
        <ColumnChooser
          visibleColumns={visibleColumns}
          onVisibleColumnsChange={onVisibleColumnsChange}
        />
        {onExport ? (
          <Button
            variant="primary"
            onClick={onExport}
            disabled={exportDisabled || exporting}
            aria-busy={exporting}
          >
            <DownloadIcon className="size-4" />
            {exporting ? t("toolbar.exporting") : t("toolbar.export")}
          </Button>
        ) : null}
      </div>
      {exportProblem ? (
        <p
          role="alert"
          className="w-full text-sm text-red-700 dark:text-red-400"
          data-testid="export-problem"
        >
          {exportProblem}
        </p>
      ) : null}
    </div>
  );
}
