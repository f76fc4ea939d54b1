import { useId, type ReactNode } from "react";

import { Card } from "@/components/ui/card";

/** A titled panel for one chart; the plot keeps a fixed height so the page does not jump. */
export function ChartCard({
  title,
  subtitle,
  children,
  footer,
  className = "",
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <Card as="section" aria-labelledby={id} className={`min-w-0 p-4 text-start ${className}`}>
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={id} className="text-sm font-semibold text-slate-900 dark:text-slate-100">
          {title}
        </h3>
        {subtitle ? <p className="text-xs text-slate-500 dark:text-slate-400">{subtitle}</p> : null}
      </header>
      <div className="text-slate-600 dark:text-slate-400">{children}</div>
      {footer ? (
        <div className="mt-3 text-xs text-slate-500 dark:text-slate-400">{footer}</div>
      ) : null}
    </Card>
  );
}
