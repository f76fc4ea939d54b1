"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

import { usePhoneFormatVersion } from "@/components/calls-table/use-phone-format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CallbackRow } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";
import { formatDateTime } from "@/lib/format/date-time";
import { formatDuration } from "@/lib/format/duration";
import { formatPhone } from "@/lib/format/phone";

export type RowState = "open" | "reached" | "done" | "not_needed";

const TONES: Record<RowState, BadgeTone> = {
  open: "amber",
  reached: "emerald",
  done: "sky",
  not_needed: "slate",
};

/** How the worklist writes its cells: the table's and the work panel's. */
export function useWorklistCells(timeZone: string) {
  const t = useTranslations("callbacks");
  const locale = useLocale();
  const phoneVersion = usePhoneFormatVersion();
  return useMemo(() => {
    const stateOf = (row: CallbackRow): RowState =>
      row.status === "closed" ? (row.closedAs ?? "done") : row.status;
    const reachedBy = (row: CallbackRow) => {
      const via = row.reachedVia ?? "outbound";
      return row.reachedBy
        ? t(`reachedBy.${via}`, { name: row.reachedBy.name })
        : t(`reachedBy.${via}Nobody`);
    };
    return {
      phoneVersion,
      stateOf,
      number: (row: CallbackRow) => formatPhone(row.displayNumber || row.number),
      time: (ms: number | null) =>
        ms === null ? t("nobody") : formatDateTime(ms, { locale, timeZone }),
      waiting: (row: CallbackRow) =>
        row.waitingSeconds !== null
          ? formatDuration(row.waitingSeconds)
          : row.callbackSeconds !== null
            ? t("after", { duration: formatDuration(row.callbackSeconds) })
            : t("nobody"),
      reachedBy,
      state: (row: CallbackRow) => {
        const state = stateOf(row);
        return (
          <span className="flex flex-col items-start gap-0.5">
            <Badge tone={TONES[state]}>{t(`state.${state}`)}</Badge>
            {state === "reached" ? (
              <span className="text-xs text-slate-600 dark:text-slate-400">{reachedBy(row)}</span>
            ) : null}
          </span>
        );
      },
      note: (work: CallbackWork | undefined) => {
        const last = work?.notes.at(-1);
        if (!last || !work) return t("nobody");
        return (
          <span className="flex flex-col">
            <span className="truncate" title={last.text}>
              {last.text}
            </span>
            {work.notes.length > 1 ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t("notes", { count: work.notes.length })}
              </span>
            ) : null}
          </span>
        );
      },
    };
  }, [t, locale, phoneVersion, timeZone]);
}
