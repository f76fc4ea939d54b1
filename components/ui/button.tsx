import { clsx } from "clsx";
import type { ComponentProps } from "react";

/**
 * The one button, in the manner of shadcn/ui's: a variant says what kind of action it is,
 * a size how much room it takes. `buttonClass` styles a link as a button.
 */

const BASE =
  "inline-flex items-center gap-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:cursor-not-allowed";

const VARIANTS = {
  /** The main action of its group: Apply, Export, Play. */
  primary:
    "bg-sky-700 font-medium text-white hover:bg-sky-800 disabled:bg-slate-300 disabled:text-slate-600 dark:hover:bg-sky-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-400",
  /** Other actions, and toggles: `aria-pressed` marks the chosen one. */
  outline:
    "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 aria-pressed:border-sky-700 aria-pressed:bg-sky-700 aria-pressed:text-white dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:border-sky-700 dark:aria-pressed:bg-sky-700 dark:aria-pressed:text-white",
  /** Inside a coloured banner: takes the banner's colour. */
  inherit: "border border-current font-medium hover:bg-current/10",
  /** Icon buttons and rows of a list: no frame until hovered. */
  ghost:
    "text-slate-700 hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800",
  /** A quiet command at the end of a panel: Clear, Reset columns. */
  link: "text-start text-sky-700 hover:bg-sky-50 disabled:text-slate-400 disabled:hover:bg-transparent dark:text-sky-300 dark:hover:bg-sky-900/40 dark:disabled:text-slate-500",
  /** A pill that filters by what it names. */
  chip: "border border-slate-200 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
} as const;

const SIZES = {
  sm: "rounded-md px-2.5 py-1 text-sm",
  md: "rounded-md px-3 py-1.5 text-sm",
  pill: "rounded-full px-2.5 py-1 text-xs",
  icon: "size-9 justify-center rounded-full",
  "icon-lg": "size-11 justify-center rounded-full",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClass({
  variant = "outline",
  size = "md",
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  return clsx(BASE, VARIANTS[variant], SIZES[size], className);
}

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}
