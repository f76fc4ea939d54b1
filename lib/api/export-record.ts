import * as z from "zod/mini";

/**
 * What the browser tells the server before it writes a CSV export of calls (the file is
 * built in the browser from the rows it holds): the page's filters, how many rows, which
 * columns. The server checks the role and audits it first. Pure, zod/mini for the browser.
 */
export const EXPORTS_PATH = "/api/exports";

export const exportRecordSchema = z.object({
  format: z.literal("csv"),
  filters: z
    .record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(4096)))
    .check(z.refine((filters) => Object.keys(filters).length <= 40, "at most 40 filters")),
  rows: z.number().check(z.int(), z.minimum(0), z.maximum(10_000_000)),
  columns: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(100)),
});

export type ExportRecord = z.infer<typeof exportRecordSchema>;

/** The page's URL parameters as the export's filters (the open call is not a filter). */
export function exportFilters(search: string): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === "call" || key === "cols") continue;
    filters[key] = filters[key] === undefined ? value : `${filters[key]},${value}`;
  }
  return filters;
}
