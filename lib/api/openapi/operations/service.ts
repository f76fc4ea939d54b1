import * as z from "zod";

import { healthResponseSchema } from "@/lib/api/health-response";

import { ACCESS_ERRORS, type ApiOperation } from "../operation";

export const serviceOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "service",
    summary: "Liveness and mode",
    public: true,
    responses: {
      200: {
        description: "The server is up.",
        content: { "application/json": { schema: healthResponseSchema, name: "Health" } },
      },
    },
    errors: ["internal_error"],
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "openApiDescription",
    tag: "service",
    summary: "This description (OpenAPI 3.1)",
    responses: {
      200: {
        description: "The OpenAPI document.",
        content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
      },
    },
    errors: ["internal_error", ...ACCESS_ERRORS],
  },
];
