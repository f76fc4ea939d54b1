"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";

import { formatDuration } from "@/lib/format/duration";
import { formatPrice } from "@/lib/format/price";

/** How the figure tables write their numbers; an undefined figure is "—". */
export function useFigureFormat() {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("figures");
  return useMemo(() => {
    const none = t("none");
    return {
      count: (n: number) => format.number(n),
      percent: (ratio: number | null) =>
        ratio === null
          ? none
          : format.number(ratio, { style: "percent", maximumFractionDigits: 1 }),
      duration: (seconds: number | null) => (seconds === null ? none : formatDuration(seconds)),
      seconds: (seconds: number | null) =>
        seconds === null
          ? none
          : format.number(seconds, { style: "unit", unit: "second", maximumFractionDigits: 0 }),
      price: (agorot: number) => formatPrice(agorot, locale),
    };
  }, [format, locale, t]);
}

export type FigureFormat = ReturnType<typeof useFigureFormat>;
