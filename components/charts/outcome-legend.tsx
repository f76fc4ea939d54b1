"use client";

import { useTranslations } from "next-intl";

import { OUTCOMES } from "@/lib/analytics/outcomes";

import { OUTCOME_COLORS } from "./chart-theme";

/** The outcome colours, as HTML so it follows the page direction and dark mode. */
export function OutcomeLegend() {
  const t = useTranslations("charts");
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {OUTCOMES.map((outcome) => (
        <li key={outcome} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block size-2.5 rounded-sm"
            style={{ backgroundColor: OUTCOME_COLORS[outcome] }}
          />
          {t(`outcomes.${outcome}`)}
        </li>
      ))}
    </ul>
  );
}
