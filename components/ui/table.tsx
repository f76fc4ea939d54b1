import { clsx } from "clsx";
import type { ComponentProps } from "react";

/**
 * A plain data table for the admin pages (the calls table has its own virtualized grid):
 * scrolls sideways inside its frame on a phone instead of widening the page; the frame takes
 * the keyboard focus then, so the hidden columns can be scrolled to without a mouse.
 */
export function Table({
  className,
  "aria-label": label,
  columns,
  children,
  ...props
}: ComponentProps<"table"> & {
  /** The column headers, in order. */
  columns?: readonly string[];
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="w-full overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-800"
    >
      <table
        aria-label={label}
        className={clsx("w-full border-collapse text-start text-sm", className)}
        {...props}
      >
        {columns ? (
          <thead>
            <tr>
              {columns.map((column) => (
                <Th key={column}>{column}</Th>
              ))}
            </tr>
          </thead>
        ) : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={clsx(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-start font-medium whitespace-nowrap text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return (
    <td
      className={clsx(
        "border-b border-slate-100 px-3 py-2 align-top dark:border-slate-800/60",
        className,
      )}
      {...props}
    />
  );
}
