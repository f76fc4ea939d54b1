import * as z from "zod";

import { callsTailResponseSchema } from "@/lib/api/calls-tail";

import { ACCESS_ERRORS, type ApiOperation } from "../operation";
import { parameters } from "./calls";

/** The live tail of a range that ends now (app/api/calls/tail). */
export const callsLiveOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/calls/tail",
    operationId: "callsTail",
    tag: "calls",
    summary: "Calls the store received since a cursor (live updates)",
    description:
      "The calls of the query that the call store received at or after `since` (minus a few minutes: drop those you have), read from the store only — never an upstream request. An answer holds at most 5,000 calls, in receipt order: with `more`, ask again at once with the same `since` and `after`; then ask with the last answer's `cursor`, no more often than `intervalSeconds`. With CALLBOARD_STORE=off, or filters the store cannot answer (queue, campaign, scope), the answer says so in `unavailable` (200).",
    parameters: [
      ...parameters,
      {
        name: "since",
        in: "query",
        required: true,
        schema: z.string().meta({ format: "date-time" }),
        description: "The last answer's cursor (first ask: when the calls were loaded).",
      },
      {
        name: "after",
        in: "query",
        required: false,
        schema: z.string(),
        description: "The previous answer's `after`, when it said `more`: where the rest begins.",
      },
    ],
    responses: {
      200: {
        description: "The new calls, and the cursor to ask from next.",
        content: { "application/json": { schema: callsTailResponseSchema, name: "CallsTail" } },
      },
    },
    errors: ["bad_parameter", "origin_not_allowed", "internal_error", ...ACCESS_ERRORS],
  },
];
