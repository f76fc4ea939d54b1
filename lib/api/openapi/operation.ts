import type * as z from "zod";

import type { ApiErrorCode } from "@/lib/api/error-codes";

/**
 * One `/api` operation as the OpenAPI description states it: written beside nothing else, in
 * lib/api/openapi/operations/<resource>.ts, from the zod schemas the code itself uses.
 * A new route adds its operations there and to the list in operations/index.ts; a test
 * fails while a route file under app/api has a method no operation describes.
 */
export type HttpMethod = "get" | "head" | "post" | "put" | "patch" | "delete";

export interface ApiParameter {
  name: string;
  in: "query" | "path" | "header";
  description: string;
  required?: boolean;
  schema: z.core.$ZodType;
  /** A list: repeated (`?type=1&type=8`) or comma-separated (`?type=1,8`). */
  list?: boolean;
}

export interface ApiContent {
  /** The body's schema; absent for binary bodies (audio). */
  schema?: z.core.$ZodType;
  /** Register the schema under components.schemas with this name and refer to it. */
  name?: string;
}

export interface ApiSuccess {
  description: string;
  content?: Record<string, ApiContent>;
  headers?: Record<string, string>;
}

export interface ApiOperation {
  method: HttpMethod;
  /** The OpenAPI path template: `/api/recordings/{callId}`. */
  path: `/api/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  parameters?: readonly ApiParameter[];
  requestBody?: { description: string; content: Record<string, ApiContent> };
  responses: Record<number, ApiSuccess>;
  /** Every error code the operation may answer with (their statuses come from the registry). */
  errors: readonly ApiErrorCode[];
  /** Answered without a session or token (the sign-in gate lets it through). */
  public?: boolean;
}

/** Every operation answers these when access control refuses (proxy.ts and withApi). */
export const ACCESS_ERRORS = [
  "unauthorized",
  "forbidden",
  "sign_in_not_configured",
] as const satisfies readonly ApiErrorCode[];

/** What any route that asks the upstream may answer, besides its own refusals. */
export const UPSTREAM_ERRORS = [
  "upstream_unauthorized",
  "upstream_untrusted_ip",
  "upstream_rate_limited",
  "upstream_timeout",
  "upstream_unreachable",
  "upstream_failed",
  "upstream_malformed",
  "upstream_error",
  "timeout",
  "origin_not_allowed",
  "internal_error",
  ...ACCESS_ERRORS,
] as const satisfies readonly ApiErrorCode[];

/** What a route that changes something may answer: a bad body, a foreign Origin, access. */
export const WRITE_ERRORS = [
  "bad_parameter",
  "origin_not_allowed",
  "internal_error",
  ...ACCESS_ERRORS,
] as const satisfies readonly ApiErrorCode[];

/** A JSON body of `schema`, registered under components.schemas as `name` when given. */
export function jsonContent(schema: z.core.$ZodType, name?: string): Record<string, ApiContent> {
  return { "application/json": name ? { schema, name } : { schema } };
}
