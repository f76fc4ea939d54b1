import { useId, type ReactNode } from "react";

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
    <section
      aria-labelledby={id}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-start dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
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
    </section>
  );
}
