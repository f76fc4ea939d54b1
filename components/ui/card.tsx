import { clsx } from "clsx";
import type { HTMLAttributes } from "react";

/** A framed panel (a chart, a KPI tile, the player); padding is the caller's. */
export function Card({
  as: Element = "div",
  className,
  ...props
}: HTMLAttributes<HTMLElement> & { as?: "div" | "section" }) {
  return (
    <Element
      className={clsx(
        "rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
      {...props}
    />
  );
}
