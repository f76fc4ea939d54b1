import { readCall, type Call } from "./call";
import { canonicalFieldName, type FieldName } from "./fields";
import { EXTENSION_MATCH_FIELDS, PHONE_MATCH_FIELDS } from "./matching";

/** What one upstream response amounts to, however the upstream spelled it. */
export type CdrResponse =
  | {
      kind: "ok";
      totalHits: number;
      returnHits: number;
      calls: Call[];
      rejected: RejectedRecords;
      /** Each unreadable record, with what could still be read of it. */
      rejectedRecords: RejectedRecord[];
    }
  | { kind: "error"; errorNumber: number; description: string; statusCode?: number }
  | { kind: "malformed"; reason: string };

/** Records that could not be read: counted and explained, never silently dropped. */
export interface RejectedRecords {
  count: number;
  /** Distinct reasons, at most {@link MAX_REASONS}. */
  reasons: string[];
}

const MAX_REASONS = 10;

/**
 * One unreadable record and what could still be read of it, field by field: enough to
 * place it in time and to tell which filters it may match (a copy of the calls kept by
 * Callboard counts it as the upstream's answer does). Never its RecordURL.
 */
export interface RejectedRecord {
  reason: string;
  /** The record as sent, as JSON text without its RecordURL: identifies it across fetches. */
  fingerprint: string;
  callId?: string;
  /** Epoch ms, when its Date (or DateEpoch) could be read. */
  at?: number;
  cdrType?: number;
  /** The readable phone-match fields (CallerNumber, TargetNumber, DID); undefined if none. */
  numbers?: string[];
  extensions?: string[];
}

function readable<N extends FieldName>(fields: Record<string, unknown>, name: N): Call[N] {
  if (!(name in fields)) return undefined;
  const one = readCall({ [name]: fields[name] });
  return one.ok ? one.call[name] : undefined;
}

export function describeRejected(raw: unknown, reason: string): RejectedRecord {
  const fields: Record<string, unknown> = {};
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const name = canonicalFieldName(key);
      if (name && name !== "RecordURL") fields[name] = value;
    }
  }
  const record: RejectedRecord = { reason, fingerprint: JSON.stringify(fields) };
  const callId = readable(fields, "CallID");
  if (callId) record.callId = callId;
  const date = readable(fields, "Date");
  const epoch = readable(fields, "DateEpoch");
  const at = date !== undefined ? Date.parse(date) : epoch !== undefined ? epoch * 1000 : NaN;
  if (!Number.isNaN(at)) record.at = at;
  const cdrType = readable(fields, "CdrType");
  if (cdrType !== undefined) record.cdrType = cdrType;
  const texts = (names: readonly FieldName[]) => {
    const values = names
      .map((name) => readable(fields, name))
      .filter((v): v is string => typeof v === "string");
    // an unreadable one could be the matching one: then nothing is known
    return values.length === names.filter((n) => n in fields).length && values.length > 0
      ? values
      : undefined;
  };
  const numbers = texts(PHONE_MATCH_FIELDS);
  if (numbers) record.numbers = numbers;
  const extensions = texts(EXTENSION_MATCH_FIELDS);
  if (extensions) record.extensions = extensions;
  return record;
}

export function emptyRejected(): RejectedRecords {
  return { count: 0, reasons: [] };
}

export function addRejected(into: RejectedRecords, from: RejectedRecords): void {
  into.count += from.count;
  for (const reason of from.reasons) {
    if (into.reasons.length >= MAX_REASONS) break;
    if (!into.reasons.includes(reason)) into.reasons.push(reason);
  }
}

function pick(body: Record<string, unknown>, key: string): unknown {
  if (key in body) return body[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(body)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function toCount(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Reads an upstream response body (already JSON-parsed). `ERROR_NUMBER` may be 0, "0" or
 * absent on success; keys may come in any casing; `TOTAL_HITS` may be a numeric string.
 */
export function readCdrResponse(body: unknown, required: readonly FieldName[] = []): CdrResponse {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { kind: "malformed", reason: "the response is not a JSON object" };
  }
  const record = body as Record<string, unknown>;
  const rawError = pick(record, "ERROR_NUMBER");
  const errorNumber =
    rawError === undefined || rawError === null || rawError === "" ? 0 : Number(rawError);
  if (!Number.isFinite(errorNumber)) {
    return {
      kind: "malformed",
      reason: `ERROR_NUMBER is not a number (${JSON.stringify(rawError)})`,
    };
  }
  if (errorNumber !== 0) {
    const description = pick(record, "ERROR_DESCRIPTION");
    return {
      kind: "error",
      errorNumber,
      description: typeof description === "string" ? description : "",
      statusCode: toCount(pick(record, "STATUS_CODE")),
    };
  }
  const list = pick(record, "CDR_LIST") ?? [];
  if (!Array.isArray(list)) return { kind: "malformed", reason: "CDR_LIST is not a list" };

  const calls: Call[] = [];
  const rejected = emptyRejected();
  const rejectedRecords: RejectedRecord[] = [];
  for (const raw of list) {
    const result = readCall(raw, required);
    if (result.ok) calls.push(result.call);
    else {
      addRejected(rejected, { count: 1, reasons: [result.reason] });
      rejectedRecords.push(describeRejected(raw, result.reason));
    }
  }
  const returnHits = toCount(pick(record, "RETURN_HITS")) ?? list.length;
  const totalHits = toCount(pick(record, "TOTAL_HITS")) ?? Math.max(returnHits, list.length);
  return { kind: "ok", totalHits, returnHits, calls, rejected, rejectedRecords };
}
