import type { ApiCall } from "@/lib/api/calls-response";
import { formatZonedIso } from "@/lib/format/date-time";
import { formatClockDuration } from "@/lib/format/duration";
import { createLabeler, type Translate } from "@/lib/format/labels";
import { formatPhone } from "@/lib/format/phone";
import { agorotToShekels } from "@/lib/format/price";
import { summarizeCustomData, summarizeDtmf } from "@/lib/format/structured";
import { columnKind, isColumnId, type ColumnId } from "@/lib/table/columns";
import { callEpochMs } from "@/lib/time/call-time";

/**
 * The calls as a CSV file (RFC 4180) that Excel opens correctly in Hebrew: the table's
 * columns in their order, translated headers, times in the viewer's time zone.
 */

/** A cell: text (guarded against formula injection) or a number Callboard produced. */
export type CsvCell = string | number | undefined;

export interface CsvOptions {
  timeZone: string;
  locale: string;
  /** Lookup in the "table" namespace. */
  t: Translate;
}

/** Excel reads a file as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = "\uFEFF";

// Text a spreadsheet would run as a formula (OWASP "CSV injection"), tab and CR included.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: numbers as they are; text with a formula lead-in defused, quoted when needed. */
export function csvField(value: CsvCell): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Columns whose CSV header names a unit the cells no longer carry. */
const CSV_HEADER_OVERRIDES = ["Price"] as const satisfies readonly ColumnId[];

function hasCsvHeader(id: ColumnId): id is (typeof CSV_HEADER_OVERRIDES)[number] {
  return (CSV_HEADER_OVERRIDES as readonly string[]).includes(id);
}

function headerOf(id: ColumnId, t: Translate): string {
  return hasCsvHeader(id) ? t(`csvHeaders.${id}`) : t(`columns.${id}`);
}

type CellReader = (call: ApiCall) => CsvCell;

function readerFor(
  id: ColumnId,
  { timeZone, t }: CsvOptions,
  labels: ReturnType<typeof createLabeler>,
): CellReader {
  switch (columnKind(id)) {
    case "datetime":
      return (call) => formatZonedIso(callEpochMs(call), timeZone);
    case "duration":
      return (call) => formatClockDuration(call[id] as number | undefined);
    case "price":
      return (call) => (call.Price === undefined ? undefined : agorotToShekels(call.Price));
    case "phone":
      return (call) => {
        const value = call[id] as string | undefined;
        return value === undefined ? undefined : formatPhone(value);
      };
    case "callType":
      return (call) => labels.callType(call.CdrType, call.Type);
    case "status":
      return (call) => labels.status(call.DialStatus);
    case "boolean":
    case "recording": {
      const yes = t("cells.yes");
      const no = t("cells.no");
      return (call) => {
        const value = call[id] as boolean | undefined;
        return value === undefined ? undefined : value ? yes : no;
      };
    }
    case "dtmf":
      return (call) => summarizeDtmf(call.DTMFData);
    case "customData":
      return (call) => summarizeCustomData(call.CustomData);
    case "number":
      return (call) => call[id] as number | undefined;
    case "text":
      return (call) => call[id] as string | undefined;
  }
}

/**
 * Every given call (the caller passes all loaded rows, in the table's order), one line each,
 * CRLF-separated, with a UTF-8 BOM in front. Unknown column ids are skipped.
 */
export function callsToCsv(
  calls: readonly ApiCall[],
  columns: readonly string[],
  options: CsvOptions,
): string {
  const ids = columns.filter(isColumnId);
  const labels = createLabeler(options.t);
  const readers = ids.map((id) => readerFor(id, options, labels));
  const lines = new Array<string>(calls.length + 1);
  lines[0] = ids.map((id) => csvField(headerOf(id, options.t))).join(",");
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i] as ApiCall;
    let line = "";
    for (let c = 0; c < readers.length; c++) {
      if (c > 0) line += ",";
      line += csvField((readers[c] as CellReader)(call));
    }
    lines[i + 1] = line;
  }
  return UTF8_BOM + lines.join("\r\n") + "\r\n";
}
