import "server-only";

import type { ApiCall } from "@/lib/api/calls-response";
import { CONVERSATION_FIELDS } from "@/lib/conversations/fields";

/**
 * A stored call's compact form: the fields conversations are grouped and counted by, as
 * one JSON array — written with the record (stored_call.compact, by the upsert), so that
 * reading a month of them is a concatenation, not 19 values turned into JSON per row. One
 * definition serves both: the write computes it from the incoming record, a read of a row
 * stored before the column existed computes it from the row's columns.
 */

/** Where each field of the compact form comes from, as SQL over stored_call's columns. */
const SOURCES: Record<string, (c: (name: string) => string) => string> = {
  Date: (c) => `to_char(${c("started_at")} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
  Type: (c) => `${c("record")}->'Type'`,
  OriginalIvrUniqueID: (c) => `${c("record")}->'CustomData'->'OriginalIvrUniqueID'`,
};

// CONVERSATION_FIELDS in their columns; DateEpoch is read from Date, CustomData carries
// only the id that links legs; HasRecording as /api/calls answers it.
const FIELDS = [
  ...CONVERSATION_FIELDS.filter((f) => f !== "DateEpoch" && f !== "CustomData"),
  "OriginalIvrUniqueID",
  "HasRecording",
] as const;
const ORIGINAL = FIELDS.indexOf("OriginalIvrUniqueID");

/** stored_call's column of a field: CdrType → cdr_type, DID → did. */
const columnOf = (field: string) =>
  field === "DID" ? "did" : field.replace(/(?<=[a-z])([A-Z])/g, "_$1").toLowerCase();

/**
 * The SQL of the compact form, over stored_call's columns as `column` spells them (the
 * column names, or the upsert's expressions for them).
 */
export function compactSql(column: (name: string) => string): string {
  const c = (name: string) => `(${column(name)})`;
  const values = FIELDS.map((field) => SOURCES[field]?.(c) ?? c(columnOf(field)));
  return `json_build_array(${values.join(", ")})::text`;
}

/** The compact form of stored rows, read: the column, else computed from the row. */
export const COMPACT_READ = `coalesce(compact, ${compactSql((name) => name)})`;

/** One compact array as the record the browser would hold (nulls as absent fields). */
export function recordOfCompact(values: readonly unknown[]): ApiCall {
  const call: Record<string, unknown> = { CallID: values[0] };
  for (let i = 1; i < FIELDS.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || i === ORIGINAL) continue;
    call[FIELDS[i]!] = value;
  }
  const original = values[ORIGINAL];
  if (original !== null && original !== undefined) {
    call.CustomData = { OriginalIvrUniqueID: original };
  }
  return call as unknown as ApiCall;
}

/** Compact arrays joined by commas (as string_agg writes them), as records. */
export function recordsOfCompactText(text: string): ApiCall[] {
  if (text === "") return [];
  const arrays = JSON.parse(`[${text}]`) as unknown[][];
  const out = new Array<ApiCall>(arrays.length);
  for (let i = 0; i < arrays.length; i++) out[i] = recordOfCompact(arrays[i]!);
  return out;
}
