import type { ApiCall } from "@/lib/api/calls-response";
import { createLabeler, type Labeler, type Translate } from "@/lib/format/labels";
import { summarizeCustomData, summarizeDtmf } from "@/lib/format/structured";
import { callEpochMs } from "@/lib/time/call-time";
import { FIELD_NAMES, FIELDS, type FieldKind, type FieldName } from "@/lib/voicenter/fields";

/**
 * The calls table's column catalogue, derived from the contract's field catalogue: one
 * column per field the browser receives, with `HasRecording` standing in for `RecordURL`
 * (which never leaves the server).
 */

export type ColumnId = Extract<keyof ApiCall, string>;

/** How a column's values are shown (and therefore compared and exported). */
export type ColumnKind =
  | "datetime"
  | "duration"
  | "price"
  | "phone"
  | "callType"
  | "status"
  | "boolean"
  | "recording"
  | "dtmf"
  | "customData"
  | "number"
  | "text";

/** Columns whose field kind alone does not say how to show them. */
const KIND_BY_COLUMN: Partial<Record<ColumnId, ColumnKind>> = {
  Duration: "duration",
  RingTime: "duration",
  Price: "price",
  CallerNumber: "phone",
  TargetNumber: "phone",
  DID: "phone",
  Type: "callType",
  DialStatus: "status",
  HasRecording: "recording",
};

const KIND_BY_FIELD_KIND: Record<FieldKind, ColumnKind> = {
  string: "text",
  number: "number",
  boolean: "boolean",
  datetime: "datetime",
  epoch: "number",
  "json-array": "dtmf",
  "json-object": "customData",
};

/** The columns shown until the user picks others, in their default order. */
export const DEFAULT_VISIBLE_COLUMNS = [
  "Date",
  "Type",
  "DialStatus",
  "CallerNumber",
  "TargetNumber",
  "TargetExtension",
  "RepresentativeName",
  "QueueName",
  "Duration",
  "RingTime",
  "Price",
  "HasRecording",
] as const satisfies readonly ColumnId[];

const isDefault = new Set<string>(DEFAULT_VISIBLE_COLUMNS);

/** Every column: the defaults first (in their order), then the rest in the contract's order. */
export const COLUMN_IDS: readonly ColumnId[] = [
  ...DEFAULT_VISIBLE_COLUMNS,
  ...FIELD_NAMES.map((field): ColumnId => (field === "RecordURL" ? "HasRecording" : field)).filter(
    (id) => !isDefault.has(id),
  ),
];

const position = new Map<string, number>(COLUMN_IDS.map((id, index) => [id, index]));

export function isColumnId(value: string): value is ColumnId {
  return position.has(value);
}

export function columnKind(id: ColumnId): ColumnKind {
  const special = KIND_BY_COLUMN[id];
  if (special) return special;
  return id === "HasRecording" ? "recording" : KIND_BY_FIELD_KIND[FIELDS[id].kind];
}

/** Numbers read better aligned to the end of the cell. */
export function isNumericKind(kind: ColumnKind): boolean {
  return kind === "duration" || kind === "price" || kind === "number";
}

// --- which upstream fields the page must ask for -------------------------------------------

/** What the KPIs, charts, drawer and player need whichever columns are shown. */
const ALWAYS_FETCHED: readonly FieldName[] = [
  "Date",
  "DialStatus",
  "Duration",
  "RingTime",
  "Price",
  "CdrType",
  "CallID",
  "RecordExpect",
  "RecordURL",
];

function upstreamFieldsOf(id: ColumnId): readonly FieldName[] {
  if (id === "HasRecording") return ["RecordExpect", "RecordURL"];
  // The type label comes from the id (translatable); the name covers unknown ids.
  if (id === "Type") return ["Type", "CdrType"];
  return [id];
}

/**
 * The upstream `fields` the visible columns need, plus what KPIs and charts need, in the
 * contract's order. Unknown column ids (a hand-edited URL) are ignored.
 */
export function fieldsForColumns(visible: readonly string[]): FieldName[] {
  const wanted = new Set<FieldName>(ALWAYS_FETCHED);
  for (const id of visible) {
    if (isColumnId(id)) for (const field of upstreamFieldsOf(id)) wanted.add(field);
  }
  return FIELD_NAMES.filter((field) => wanted.has(field));
}

// --- visible columns (the page keeps them in the URL) --------------------------------------

/** Known ids only, once each, in the given order; nothing usable → the defaults. */
export function normalizeVisibleColumns(ids: readonly string[]): ColumnId[] {
  const seen = new Set<ColumnId>();
  for (const id of ids) if (isColumnId(id)) seen.add(id);
  return seen.size > 0 ? [...seen] : [...DEFAULT_VISIBLE_COLUMNS];
}

/**
 * Shows or hides one column. A column being shown goes after the nearest shown column
 * that precedes it in the catalogue, so the user's own order is kept around it.
 */
export function setColumnVisible(
  visible: readonly ColumnId[],
  id: ColumnId,
  shown: boolean,
): ColumnId[] {
  const without = visible.filter((v) => v !== id);
  if (!shown) return without;
  const rank = position.get(id) ?? COLUMN_IDS.length;
  let insertAt = 0;
  without.forEach((v, index) => {
    if ((position.get(v) ?? COLUMN_IDS.length) < rank) insertAt = index + 1;
  });
  return [...without.slice(0, insertAt), id, ...without.slice(insertAt)];
}

// --- sort keys -----------------------------------------------------------------------------

/** A value to order a call by: numbers compare as numbers, text by the locale's collation. */
export type SortKey = number | string | undefined;
export interface SortKeyFn {
  (call: ApiCall): SortKey;
  /**
   * Order text by code point rather than by the locale's collation: for columns where
   * nearly every value differs (numbers, ids), where collating 100,000 distinct texts costs
   * ~10× more and gains nothing.
   */
  byCodePoint?: boolean;
}

/** Text columns with (nearly) one distinct value per call. */
const HIGH_CARDINALITY: ReadonlySet<ColumnKind> = new Set(["phone", "customData"]);
const HIGH_CARDINALITY_COLUMNS: ReadonlySet<ColumnId> = new Set(["CallID"]);

function text(value: string | undefined): SortKey {
  return value === undefined || value === "" ? undefined : value;
}

function flag(value: boolean | undefined): SortKey {
  return value === undefined ? undefined : value ? 1 : 0;
}

const PHONE_DIGITS = /^\d{1,15}$/;

/**
 * Phone numbers compare as numbers (`972501234567` and `0501234567` being one number, in
 * its national spelling); anything else (an extension id) as text, after the numbers.
 */
function phoneKey(value: string | undefined): SortKey {
  if (value === undefined || value === "") return undefined;
  if (!PHONE_DIGITS.test(value)) return value;
  return Number(value.startsWith("972") ? value.slice(3) : value);
}

function keyFnFor(id: ColumnId, labels: Labeler): SortKeyFn {
  switch (columnKind(id)) {
    case "datetime":
      return (call) => callEpochMs(call);
    case "callType":
      return (call) => text(labels.callType(call.CdrType, call.Type));
    case "status":
      return (call) => text(labels.status(call.DialStatus));
    case "phone":
      return (call) => phoneKey(call[id] as string | undefined);
    case "boolean":
    case "recording":
      return (call) => flag(call[id] as boolean | undefined);
    case "dtmf":
      return (call) => text(summarizeDtmf(call.DTMFData));
    case "customData":
      return (call) => text(summarizeCustomData(call.CustomData));
    case "duration":
    case "price":
    case "number":
      return (call) => call[id] as number | undefined;
    case "text":
      return (call) => text(call[id] as string | undefined);
  }
}

export type SortKeys = Readonly<Record<ColumnId, SortKeyFn>>;

const sortKeysByTranslator = new WeakMap<Translate, SortKeys>();

/**
 * The sort key of every column, for one language: labels (type, status) sort by the text
 * the user reads. The same `t` gives the same functions, so keys the sorter cached for the
 * table are reused by `sortCalls` (export, next recording) and vice versa.
 */
export function sortKeysFor(t: Translate): SortKeys {
  let keys = sortKeysByTranslator.get(t);
  if (!keys) {
    const labels = createLabeler(t);
    keys = Object.fromEntries(
      COLUMN_IDS.map((id) => {
        const keyFn = keyFnFor(id, labels);
        if (HIGH_CARDINALITY.has(columnKind(id)) || HIGH_CARDINALITY_COLUMNS.has(id)) {
          keyFn.byCodePoint = true;
        }
        return [id, keyFn];
      }),
    ) as SortKeys;
    sortKeysByTranslator.set(t, keys);
  }
  return keys;
}
