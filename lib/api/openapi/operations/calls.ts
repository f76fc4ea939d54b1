import * as z from "zod";

import { callsProgressResponseSchema } from "@/lib/api/calls-progress";
import { callsResponseSchema } from "@/lib/api/calls-response";
import { callsStreamEventSchema } from "@/lib/api/calls-stream";
import {
  CALLS_PARAM_NAMES,
  MAX_RANGE_DAYS,
  type CallsParamName,
} from "@/lib/view-state/calls-params";
import { CALL_TYPE_IDS } from "@/lib/voicenter/call-types";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

import { ACCESS_ERRORS, UPSTREAM_ERRORS, type ApiOperation, type ApiParameter } from "../operation";

const instant = z.string().meta({ format: "date-time", examples: ["2024-05-01T00:00:00+03:00"] });
const ids = z.array(z.int().min(0).max(999_999_999));

/** Every `/api/calls` parameter, documented: the Record makes a new one fail the type-check. */
const CALLS_PARAMS: Record<CallsParamName, Omit<ApiParameter, "name" | "in">> = {
  from: {
    required: true,
    schema: instant,
    description: "Start of the range (inclusive): ISO-8601 with Z or an offset.",
  },
  to: {
    required: true,
    schema: instant,
    description: `End of the range (exclusive), later than from, at most ${MAX_RANGE_DAYS} days after it.`,
  },
  phone: {
    list: true,
    schema: z.array(z.string()),
    description:
      "Phone numbers: Israeli local (050-123-4567) or international (+972…), normalized.",
  },
  ext: {
    list: true,
    schema: z.array(z.string().regex(/^[\w.@+-]{1,64}$/)),
    description: "Voicenter extension ids.",
  },
  queue: { list: true, schema: ids, description: "Queue ids." },
  type: {
    list: true,
    schema: z.array(z.literal(CALL_TYPE_IDS)),
    description: "Call type ids (see the Voicenter contract).",
  },
  campaign: { list: true, schema: ids, description: "Dialer campaign ids." },
  callId: { schema: z.string().regex(/^[\w.:-]{1,128}$/), description: "One call." },
  scope: {
    schema: z.string().regex(/^(account|hierarchical|department|user:[\w.@+-]{1,64})$/i),
    description: "Whose calls: account, hierarchical, department, or user:<user code>.",
  },
  fields: {
    list: true,
    schema: z.array(z.enum(FIELD_NAMES)),
    description: "Record fields to fetch; default: all.",
  },
};

export const parameters: ApiParameter[] = CALLS_PARAM_NAMES.map((name) => ({
  name,
  in: "query",
  ...CALLS_PARAMS[name],
}));

export const callsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/calls",
    operationId: "listCalls",
    tag: "calls",
    summary: "Every call of a range, complete",
    description:
      "Every call of the range, deduplicated and sorted by Date, without recording links. When the upstream cannot return all of them, `complete` is false and `incompleteReason` says why; a partial answer is never presented as the whole. With `Accept: application/x-ndjson` the answer is streamed, one JSON event per line: `progress` (loaded, expected, windowsDone, windowsPlanned, upstreamRequests), `calls` (a slice, in the order read or fetched — sort by Date, CallID for the plain answer's order), then one `summary` (the plain answer without its calls) or one `error` (`{status, error: {code, message}}`); a stream without either was cut short. Closing the stream stops the load unless another viewer waits for it.",
    parameters,
    responses: {
      200: {
        description: "The calls, with counts and completeness.",
        headers: {
          "x-callboard-cache": "Whether the answer came from the cache, a load, or a shared load.",
        },
        content: {
          "application/json": { schema: callsResponseSchema, name: "CallsResponse" },
          // Accept: application/x-ndjson — the same answer streamed, one event per line
          "application/x-ndjson": { schema: callsStreamEventSchema, name: "CallsStreamEvent" },
        },
      },
    },
    errors: ["bad_parameter", "upstream_out_of_range", ...UPSTREAM_ERRORS],
  },
  {
    method: "get",
    path: "/api/calls/progress",
    operationId: "callsProgress",
    tag: "calls",
    summary: "How far a running load of the same query has come",
    parameters,
    responses: {
      200: {
        description: "The progress, or null when no load of this query runs.",
        content: {
          "application/json": { schema: callsProgressResponseSchema, name: "CallsProgress" },
        },
      },
    },
    errors: ["bad_parameter", "origin_not_allowed", "internal_error", ...ACCESS_ERRORS],
  },
];

/** The `/api/calls` parameters, for routes that take them too (lib/api/openapi/operations/paged.ts). */
export const CALLS_PARAMETERS: readonly ApiParameter[] = parameters;
