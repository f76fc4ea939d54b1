"use client";

import { useLocale } from "next-intl";

import { directionOf, isLocale } from "@/i18n/locales";

/**
 * The UI locale and whether charts should mirror. The SVG itself is drawn inside
 * `dir="ltr"` (Recharts' text anchors assume it); right-to-left pages mirror through the
 * axes instead: x axis reversed, y axis on the right.
 */
export function useChartLocale(): { locale: string; rtl: boolean } {
  const locale = useLocale();
  return { locale, rtl: isLocale(locale) && directionOf(locale) === "rtl" };
}
