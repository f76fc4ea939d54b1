"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";

import { LEGS_WIDTH } from "./layout";

/**
 * Conversations: the first cell of a row. A conversation of several legs shows a disclosure
 * (its count of legs); a leg shows its place in the journey; a one-record conversation
 * nothing. The row itself carries aria-expanded and answers ← →; the button is for pointers.
 */
export function LegsCell({
  depth,
  legCount,
  expanded,
  position,
  onToggle,
}: {
  depth: number;
  legCount: number;
  expanded: boolean;
  /** A leg's 1-based place among its conversation's legs. */
  position: number;
  onToggle: () => void;
}) {
  const t = useTranslations("table.conversations");
  return (
    <td
      role="gridcell"
      style={{ width: LEGS_WIDTH, minWidth: LEGS_WIDTH }}
      className="flex shrink-0 items-center justify-start px-2"
    >
      {depth > 0 ? (
        <span className="ps-3 text-xs text-slate-500 tabular-nums dark:text-slate-400">
          <span aria-hidden="true">↳ </span>
          {t("leg", { position })}
        </span>
      ) : legCount > 1 ? (
        <button
          type="button"
          tabIndex={-1}
          aria-label={t(expanded ? "hideLegs" : "showLegs", { count: legCount })}
          onClick={(event) => {
            event.stopPropagation();
            onToggle();
          }}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-sky-800 hover:bg-sky-100 dark:text-sky-200 dark:hover:bg-sky-900/60"
        >
          <span
            aria-hidden="true"
            className={clsx(
              "inline-block transition-transform",
              expanded ? "rotate-90" : "rtl:rotate-180",
            )}
          >
            ▸
          </span>
          <span className="tabular-nums">{legCount}</span>
        </button>
      ) : null}
    </td>
  );
}
