import type { CallbackRow } from "@/lib/analytics/callbacks";
import type { CallbackWork } from "@/lib/api/callbacks";
import { csvField, UTF8_BOM, type CsvCell } from "@/lib/csv/csv";
import { formatZonedIso } from "@/lib/format/date-time";
import { formatClockDuration } from "@/lib/format/duration";
import { formatPhone } from "@/lib/format/phone";

/**
 * The worklist as a CSV file, as the page lists it (its order, its state filter): one line
 * per row with its work, times in the viewer's zone, durations as h:mm:ss.
 */
export const WORKLIST_CSV_COLUMNS = [
  "caller",
  "attempts",
  "firstMissed",
  "lastMissed",
  "waiting",
  "queue",
  "did",
  "state",
  "reachedBy",
  "reachedAt",
  "timeToCallback",
  "assignee",
  "notes",
] as const;
export type WorklistCsvColumn = (typeof WORKLIST_CSV_COLUMNS)[number];

export interface WorklistCsvOptions {
  timeZone: string;
  /** The column's header; the state's word (open, reached, done, not_needed). */
  header: (column: WorklistCsvColumn) => string;
  state: (state: "open" | "reached" | "done" | "not_needed") => string;
}

function cells(
  row: CallbackRow,
  work: CallbackWork | undefined,
  { timeZone, state }: WorklistCsvOptions,
): CsvCell[] {
  const time = (ms: number | null) => (ms === null ? undefined : formatZonedIso(ms, timeZone));
  const duration = (s: number | null) => (s === null ? undefined : formatClockDuration(s));
  return [
    formatPhone(row.displayNumber || row.number),
    row.attempts,
    time(row.firstMissedAt),
    time(row.lastMissedAt),
    duration(row.waitingSeconds),
    row.queue,
    row.did,
    state(row.status === "closed" ? (row.closedAs ?? "done") : row.status),
    row.reachedBy?.name,
    time(row.reachedAt),
    duration(row.callbackSeconds),
    work?.assignee?.label,
    work?.notes.map((n) => `${n.by}: ${n.text}`).join(" | ") || undefined,
  ];
}

export function worklistToCsv(
  rows: readonly CallbackRow[],
  work: ReadonlyMap<string, CallbackWork>,
  options: WorklistCsvOptions,
): string {
  const lines = [WORKLIST_CSV_COLUMNS.map((c) => csvField(options.header(c))).join(",")];
  for (const row of rows) {
    lines.push(
      cells(row, work.get(row.key), options)
        .map((cell) => csvField(cell))
        .join(","),
    );
  }
  return UTF8_BOM + lines.join("\r\n") + "\r\n";
}
