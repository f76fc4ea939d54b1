"use client";

import { useLocale } from "next-intl";
import { useCallback } from "react";

import { formatDateTime } from "@/lib/format/date-time";

/** Instants as the viewer reads them: their locale, their browser's time zone. */
export function useFormatInstant(): (iso: string | null) => string {
  const locale = useLocale();
  return useCallback(
    (iso) =>
      iso === null
        ? "—"
        : formatDateTime(Date.parse(iso), {
            locale,
            timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          }),
    [locale],
  );
}
