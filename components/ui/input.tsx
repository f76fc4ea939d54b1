import { clsx } from "clsx";
import type { ComponentProps } from "react";

/** The frame every text field and select shares (see select.tsx). */
export const FIELD =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/** A text, number or date field; `aria-invalid` marks the one a message is about. */
export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={clsx(
        FIELD,
        "aria-invalid:border-red-600 dark:aria-invalid:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
