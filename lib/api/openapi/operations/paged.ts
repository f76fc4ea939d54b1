import * as z from "zod";

import {
  pagedChartsSchema,
  pagedConversationsSchema,
  pagedModeSchema,
  pagedPageSchema,
} from "@/lib/api/paged-response";
import { DIAL_STATUS_NAMES } from "@/lib/voicenter/dial-statuses";

import { ACCESS_ERRORS, jsonContent, type ApiOperation, type ApiParameter } from "../operation";
import { CALLS_PARAMETERS } from "./calls";

/** The views beyond CALLBOARD_PAGED_THRESHOLD: served from the call store, a page at a time. */

const seconds = z.int().min(0).max(86_400);
const VIEW_PARAMETERS: ApiParameter[] = [
  {
    name: "status",
    in: "query",
    list: true,
    schema: z.array(z.enum(DIAL_STATUS_NAMES)),
    description: "Dial statuses.",
  },
  {
    name: "minDur",
    in: "query",
    schema: seconds,
    description: "Shortest Duration, seconds (a missing one counts as 0).",
  },
  { name: "maxDur", in: "query", schema: seconds, description: "Longest Duration, seconds." },
  {
    name: "agent",
    in: "query",
    schema: z.string(),
    description: "An agents-table key: code:1023, user:dana, ext:201.",
  },
  { name: "queueName", in: "query", schema: z.string(), description: "A queue by name." },
  {
    name: "when",
    in: "query",
    schema: z.string().regex(/^[0-6]-\d{1,2}$/),
    description: "Weekday-hour in tz (0 = Sunday): 2-14.",
  },
  {
    name: "sort",
    in: "query",
    schema: z.string(),
    description: "Column ids with .asc/.desc, earlier keys first: Duration.desc,Date.",
  },
  {
    name: "cols",
    in: "query",
    list: true,
    schema: z.array(z.string()),
    description: "The export's columns, in order.",
  },
  {
    name: "abandonS",
    in: "query",
    schema: seconds,
    description: "Short-abandon threshold (default 5).",
  },
  {
    name: "slaS",
    in: "query",
    schema: seconds,
    description: "Service-level threshold (default 20).",
  },
  {
    name: "tz",
    in: "query",
    schema: z.string(),
    description: "IANA zone of buckets, the heatmap cell and the export's times (default UTC).",
  },
  {
    name: "locale",
    in: "query",
    schema: z.enum(["en", "he"]),
    description: "Language labels sort and export in (default en).",
  },
];
const PAGED_PARAMETERS = [...CALLS_PARAMETERS, ...VIEW_PARAMETERS];
const ERRORS = [
  "bad_parameter",
  "store_disabled",
  "origin_not_allowed",
  "internal_error",
  ...ACCESS_ERRORS,
] as const;

export const pagedOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/calls/mode",
    operationId: "callsMode",
    tag: "calls",
    summary: "Whether a view is beyond the threshold (paged from the store)",
    parameters: CALLS_PARAMETERS,
    responses: {
      200: {
        description: "The store's count of the range (before any filter) and the threshold.",
        content: jsonContent(pagedModeSchema, "PagedMode"),
      },
    },
    errors: ERRORS,
  },
  {
    method: "get",
    path: "/api/calls/page",
    operationId: "callsPage",
    tag: "calls",
    summary: "One page of a view's records, sorted and filtered on the server",
    parameters: [
      ...PAGED_PARAMETERS,
      { name: "offset", in: "query", schema: z.int().min(0), description: "Rows to skip." },
      {
        name: "limit",
        in: "query",
        schema: z.int().min(0).max(1000),
        description: "Rows (default 200).",
      },
    ],
    responses: {
      200: {
        description: "The rows and the view's total.",
        content: jsonContent(pagedPageSchema, "PagedPage"),
      },
    },
    errors: ERRORS,
  },
  {
    method: "get",
    path: "/api/calls/figures",
    operationId: "callsFigures",
    tag: "calls",
    summary: "A view's figures, computed on the server as the dashboard computes them",
    parameters: [
      ...PAGED_PARAMETERS,
      {
        name: "part",
        in: "query",
        schema: z.enum(["charts", "conversations"]),
        description: "charts (default) or conversations (KPIs, callbacks, heatmap).",
      },
    ],
    responses: {
      200: {
        description:
          "The charts' figures, or the conversation figures — or, for a range of more records than the server groups at once (CALLBOARD_FIGURES_MAX_RECORDS), `limited` with the range's records and that limit.",
        content: {
          "application/json": {
            schema: z.union([pagedChartsSchema, pagedConversationsSchema]),
            name: "PagedFigures",
          },
        },
      },
    },
    errors: ERRORS,
  },
  {
    method: "get",
    path: "/api/calls/export",
    operationId: "callsExport",
    tag: "calls",
    summary: "Every row of a view as CSV, streamed (audited)",
    parameters: PAGED_PARAMETERS,
    responses: {
      200: { description: "CSV, UTF-8 with a byte-order mark.", content: { "text/csv": {} } },
    },
    errors: ERRORS,
  },
];
