"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { Ref } from "react";

import { Button } from "@/components/ui/button";
import {
  COLUMN_IDS,
  DEFAULT_VISIBLE_COLUMNS,
  setColumnVisible,
  type ColumnId,
} from "@/lib/table/columns";

/**
 * The column chooser's panel: a labelled dialog of checkboxes, one per column (every contract
 * field), each described by the field's meaning; plus "reset to defaults".
 */
export function ColumnPanel({
  ref,
  id,
  visibleColumns,
  onVisibleColumnsChange,
}: {
  ref?: Ref<HTMLDivElement>;
  id: string;
  visibleColumns: readonly ColumnId[];
  onVisibleColumnsChange: (next: ColumnId[]) => void;
}) {
  const t = useTranslations("table");
  const shown = new Set<ColumnId>(visibleColumns);
  const isDefault =
    visibleColumns.length === DEFAULT_VISIBLE_COLUMNS.length &&
    DEFAULT_VISIBLE_COLUMNS.every((column, index) => visibleColumns[index] === column);

  return (
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-labelledby={`${id}-title`}
      className="absolute end-0 top-full z-30 mt-1 w-80 rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      <fieldset className="max-h-[60vh] overflow-y-auto p-2">
        <legend
          id={`${id}-title`}
          className="px-2 pt-1 pb-2 text-sm font-semibold text-slate-900 dark:text-white"
        >
          {t("toolbar.columnsTitle")}
        </legend>
        {COLUMN_IDS.map((column) => {
          const checked = shown.has(column);
          // The last shown column stays: a table without columns shows nothing at all.
          const locked = checked && shown.size === 1;
          return (
            <label
              key={column}
              className={clsx(
                "flex gap-2 rounded-md px-2 py-1.5 hover:bg-slate-50 dark:hover:bg-slate-800",
                locked ? "cursor-not-allowed opacity-60" : "cursor-pointer",
              )}
            >
              <input
                type="checkbox"
                checked={checked}
                disabled={locked}
                aria-describedby={`${id}-${column}-meaning`}
                onChange={(event) =>
                  onVisibleColumnsChange(
                    setColumnVisible(visibleColumns, column, event.target.checked),
                  )
                }
                className="mt-0.5 size-4 shrink-0 accent-sky-600"
              />
              <span className="min-w-0">
                <span className="block text-sm text-slate-900 dark:text-slate-100">
                  {t(`columns.${column}`)}
                </span>
                <span
                  id={`${id}-${column}-meaning`}
                  className="block text-xs text-slate-500 dark:text-slate-400"
                >
                  {t(`meanings.${column}`)}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <div className="border-t border-slate-200 p-2 dark:border-slate-700">
        <Button
          variant="link"
          disabled={isDefault}
          onClick={() => onVisibleColumnsChange([...DEFAULT_VISIBLE_COLUMNS])}
          className="w-full"
        >
          {t("toolbar.resetColumns")}
        </Button>
      </div>
    </div>
  );
}
