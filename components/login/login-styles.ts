/**
 * The sign-in page's few classes, in one place until components/ui/ primitives replace them.
 */
export const FIELD_CLASS =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

export const PRIMARY_BUTTON_CLASS =
  "rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60";

export const SECONDARY_BUTTON_CLASS =
  "rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
