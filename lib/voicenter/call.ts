import * as z from "zod";

import { parseUpstreamDate, toIsoUtc } from "./dates";
import { canonicalFieldName, FIELDS, type FieldKind, type FieldName } from "./fields";
import { parseLenientJson } from "./lenient-json";

/**
 * The one normalized shape of a call record: documented PascalCase keys, numbers as
 * numbers, `Date` as ISO-8601 UTC with `Z`, `DTMFData` an array, `CustomData` an object.
 * Every key is optional because the upstream returns only the fields asked for.
 */

const dtmfStepSchema = z.object({
  LayerName: z.string(),
  DTMF: z.string(),
  LayerNumber: z.string(),
});
export type DtmfStep = z.infer<typeof dtmfStepSchema>;

const text = z.preprocess(
  (v) => (v === null ? "" : typeof v === "number" || typeof v === "boolean" ? String(v) : v),
  z.string({ error: "expected text" }),
);

const numeric = z.preprocess(
  (v) => {
    if (typeof v === "string" && v.trim() !== "") return Number(v.trim());
    return v;
  },
  z.number({ error: "expected a number" }).finite(),
);

const dateTime = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const ms = parseUpstreamDate(v);
    return ms === undefined ? v : toIsoUtc(ms);
  },
  z.iso.datetime({ error: "expected a date (YYYY-MM-DD HH:mm:ss or ISO-8601)" }),
);

const epochSeconds = numeric.transform((n) => (n > 1e11 ? Math.floor(n / 1000) : n));

const TRUE_WORDS = new Set(["true", "1", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "no", ""]);
const flag = z.preprocess(
  (v) => {
    if (typeof v === "number") return v === 1 ? true : v === 0 ? false : v;
    if (typeof v === "string") {
      const word = v.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
    }
    return v;
  },
  z.boolean({ error: "expected true/false" }),
);

function jsonText(v: unknown, empty: unknown): unknown {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return empty;
  const parsed = parseLenientJson(v);
  return parsed.ok ? parsed.value : v;
}

const dtmfStepLenient = z.preprocess((v) => {
  if (typeof v !== "object" || v === null) return v;
  const step: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const k = key.toLowerCase();
    const name =
      k === "layername"
        ? "LayerName"
        : k === "dtmf"
          ? "DTMF"
          : k === "layernumber"
            ? "LayerNumber"
            : undefined;
    if (name)
      step[name] = value === null || value === undefined ? "" : String(value as string | number);
  }
  for (const name of ["LayerName", "DTMF", "LayerNumber"]) step[name] ??= "";
  return step;
}, dtmfStepSchema);

const dtmfData = z.preprocess(
  (v) => jsonText(v === null ? [] : v, []),
  z.array(dtmfStepLenient, { error: "expected a list of IVR steps" }),
);

const customData = z.preprocess(
  (v) => {
    const value = jsonText(v === null ? {} : v, {});
    // An empty JSON array is how some encoders write an empty object.
    return Array.isArray(value) && value.length === 0 ? {} : value;
  },
  z.record(z.string(), z.unknown(), { error: "expected an object" }),
);

const READERS = {
  string: text,
  number: numeric,
  boolean: flag,
  datetime: dateTime,
  epoch: epochSeconds,
  "json-array": dtmfData,
  "json-object": customData,
} satisfies Record<FieldKind, z.ZodType>;

type ReaderOf<N extends FieldName> = (typeof READERS)[(typeof FIELDS)[N]["kind"]];

const callRecordSchema = z.object(
  Object.fromEntries(Object.entries(FIELDS).map(([name, info]) => [name, READERS[info.kind]])) as {
    [N in FieldName]: ReaderOf<N>;
  },
);

export type CallRecord = z.infer<typeof callRecordSchema>;
/** A record as Callboard hands it out: only the requested fields are present. */
export type Call = Partial<CallRecord>;

export const callSchema = callRecordSchema.partial();

export type ReadCallResult = { ok: true; call: Call } | { ok: false; reason: string };

/**
 * Reads one upstream record: keys in any casing, numbers as strings, JSON as text.
 * Unknown keys are dropped; empty values of optional fields are kept as the upstream sent
 * them (empty text). A value that cannot be read makes the whole record unreadable, with
 * the field named in the reason, so the caller can report it instead of showing a wrong row.
 */
export function readCall(raw: unknown, required: readonly FieldName[] = []): ReadCallResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: "record is not an object" };
  }
  const canonical: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const name = canonicalFieldName(key);
    if (!name || value === undefined) continue;
    // A number field sent as empty text or null means "no value", not zero.
    const kind = FIELDS[name].kind;
    if ((kind === "number" || kind === "epoch") && (value === null || value === "")) continue;
    canonical[name] = value;
  }
  for (const name of required) {
    if (canonical[name] === undefined || canonical[name] === "") {
      return { ok: false, reason: `${name}: missing` };
    }
  }
  const parsed = callSchema.safeParse(canonical);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    return { ok: false, reason: `${String(field ?? "record")}: ${issue?.message ?? "unreadable"}` };
  }
  return { ok: true, call: parsed.data };
}
