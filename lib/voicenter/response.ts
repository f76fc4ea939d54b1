import { readCall, type Call } from "./call";
import type { FieldName } from "./fields";

/** What one upstream response amounts to, however the upstream spelled it. */
export type CdrResponse =
  | {
      kind: "ok";
      totalHits: number;
      returnHits: number;
      calls: Call[];
      rejected: RejectedRecords;
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
  for (const raw of list) {
    const result = readCall(raw, required);
    if (result.ok) calls.push(result.call);
    else addRejected(rejected, { count: 1, reasons: [result.reason] });
  }
  const returnHits = toCount(pick(record, "RETURN_HITS")) ?? list.length;
  const totalHits = toCount(pick(record, "TOTAL_HITS")) ?? Math.max(returnHits, list.length);
  return { kind: "ok", totalHits, returnHits, calls, rejected };
}
