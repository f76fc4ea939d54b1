import { toIsoUtc } from "../lib/voicenter/dates";
import { UPSTREAM_ERRORS, type UpstreamErrorNumber } from "../lib/voicenter/errors";
import { FIELD_NAMES, type FieldName } from "../lib/voicenter/fields";
import type { IvrStep } from "./directory";
import { projectCall } from "./query";
import type { SimCall } from "./sim-call";

/** The bodies the simulator answers /hub/cdr with, in the upstream's style (or its quirks). */

/**
 * Not in the vendor's table: a request the simulator cannot read (bad filter value, sort
 * field, JSON body, or IdentityCriteria User without a user code). Number 3 is the gap in
 * the documented numbering; the status is a plain HTTP 400.
 */
export const INVALID_REQUEST_ERROR = {
  number: 3,
  description: "Invalid request",
  status: 400,
} as const;

export interface JsonAnswer {
  status: number;
  body: string;
}

export function upstreamError(
  errorNumber: Exclude<UpstreamErrorNumber, 0>,
  clientIp?: string,
): JsonAnswer {
  const { description, status } = UPSTREAM_ERRORS[errorNumber];
  const text = clientIp === undefined ? description : description.replace("xx.xx.xx.xx", clientIp);
  return errorAnswer(errorNumber, text, status);
}

export function invalidRequest(reason: string): JsonAnswer {
  const { number, description, status } = INVALID_REQUEST_ERROR;
  return errorAnswer(number, `${description}: ${reason}`, status);
}

function errorAnswer(errorNumber: number, description: string, status: number): JsonAnswer {
  return {
    status,
    body: JSON.stringify({
      ERROR_NUMBER: errorNumber,
      ERROR_DESCRIPTION: description,
      STATUS_CODE: status,
    }),
  };
}

export interface SuccessInput {
  totalHits: number;
  calls: readonly SimCall[];
  fields: readonly FieldName[] | undefined;
  publicBaseUrl: string;
  quirks: boolean;
  /** Which request this is (varies the quirks from one answer to the next). */
  sequence: number;
}

export function successAnswer(input: SuccessInput): JsonAnswer {
  const fields = input.fields?.length ? input.fields : FIELD_NAMES;
  const list = input.calls.map((call, i) => {
    const record = projectCall(call, fields, input.publicBaseUrl);
    return input.quirks ? quirkyRecord(record, i) : record;
  });
  const returned = String(list.length);
  const total = String(input.totalHits);
  const head = input.quirks
    ? {
        // Seen in the wild: ERROR_NUMBER "0" or no ERROR_NUMBER at all; counts as text.
        ...(input.sequence % 2 === 0 ? { ERROR_NUMBER: "0" } : {}),
        ERROR_DESCRIPTION: "OK",
        STATUS_CODE: "200",
        TOTAL_HITS: total,
        RETURN_HITS: returned,
      }
    : {
        ERROR_NUMBER: 0,
        ERROR_DESCRIPTION: "OK",
        STATUS_CODE: 200,
        TOTAL_HITS: input.totalHits,
        RETURN_HITS: list.length,
      };
  return { status: 200, body: JSON.stringify({ ...head, CDR_LIST: list }) };
}

/** The vendor's own documentation writes DTMFData with bare keys. */
function bareKeyDtmf(steps: readonly IvrStep[]): string {
  const items = steps.map(
    (s) =>
      `{LayerName:${JSON.stringify(s.LayerName)},DTMF:${s.DTMF},LayerNumber:${JSON.stringify(s.LayerNumber)}}`,
  );
  return `[${items.join(",")}]`;
}

/**
 * The same record as public clients report receiving it: every other record with
 * all-lowercase keys, the rest PascalCase with the `Targetextension` spelling; numbers as
 * numeric text; RecordExpect "1"/"0"; DTMFData/CustomData as JSON text; some dates ISO.
 */
function quirkyRecord(record: Record<string, unknown>, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const name = index % 2 === 0 ? key.toLowerCase() : key.replace(/Extension$/, "extension");
    out[name] = quirkyValue(key, value, index);
  }
  return out;
}

function quirkyValue(key: string, value: unknown, index: number): unknown {
  if (key === "DTMFData" && Array.isArray(value)) {
    return index % 4 === 1 ? bareKeyDtmf(value as IvrStep[]) : JSON.stringify(value);
  }
  if (key === "CustomData" && typeof value === "object" && value !== null) {
    return Object.keys(value).length === 0 && index % 3 === 0 ? "[]" : JSON.stringify(value);
  }
  if (key === "Date" && typeof value === "string" && index % 5 === 0) {
    return toIsoUtc(Date.parse(`${value.replace(" ", "T")}Z`));
  }
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return String(value);
  return value;
}
