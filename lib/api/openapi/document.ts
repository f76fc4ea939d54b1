import * as z from "zod";

import { API_ERROR_CODES, apiErrorEnvelopeSchema, type ApiErrorCode } from "@/lib/api/error-codes";

import type { ApiContent, ApiOperation, ApiParameter } from "./operation";

/**
 * The OpenAPI 3.1 description of `/api/*`, generated from the operations and their zod
 * schemas (JSON Schema 2020-12, which OpenAPI 3.1 speaks). Pure.
 */

type Json = Record<string, unknown>;

export interface OpenApiInfo {
  version: string;
}

function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    // A value computed by a transform (e.g. DateEpoch) is described as "any".
    unrepresentable: "any",
  }) as Json;
  return rest;
}

function errorSchema(codes: readonly ApiErrorCode[]): Json {
  const [first, ...rest] = codes;
  if (first === undefined) throw new Error("an error response needs at least one code");
  return jsonSchema(
    z.object({
      error: z.object({
        code: z.enum([first, ...rest]),
        message: z.string().meta({ description: "What went wrong and what to do, for a person." }),
        param: z.string().optional().meta({ description: "The parameter at fault." }),
      }),
    }),
    "output",
  );
}

function parameter(p: ApiParameter): Json {
  const schema = jsonSchema(p.schema, "input");
  return {
    name: p.name,
    in: p.in,
    description: p.list
      ? `${p.description} Repeat it or separate values with commas.`
      : p.description,
    required: p.in === "path" ? true : (p.required ?? false),
    schema,
    ...(p.list ? { style: "form", explode: true } : {}),
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[], info: OpenApiInfo): Json {
  const schemas: Record<string, Json> = {
    Error: {
      ...jsonSchema(apiErrorEnvelopeSchema, "output"),
      description: `Every error. Codes and their statuses: ${Object.entries(API_ERROR_CODES)
        .map(([code, status]) => `${code} ${status}`)
        .join(", ")}.`,
    },
  };
  const content = (entries: Record<string, ApiContent>) =>
    Object.fromEntries(
      Object.entries(entries).map(([type, { schema, name }]) => {
        if (!schema) return [type, {}];
        if (!name) return [type, { schema: jsonSchema(schema, "output") }];
        schemas[name] ??= jsonSchema(schema, "output");
        return [type, { schema: { $ref: `#/components/schemas/${name}` } }];
      }),
    );

  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    const byStatus = new Map<number, ApiErrorCode[]>();
    for (const code of op.errors) {
      const status = API_ERROR_CODES[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    const responses: Record<string, Json> = {};
    for (const [status, success] of Object.entries(op.responses)) {
      responses[status] = {
        description: success.description,
        ...(success.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(success.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: "string" } },
                ]),
              ),
            }
          : {}),
        ...(success.content ? { content: content(success.content) } : {}),
      };
    }
    for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: codes.join(", "),
        content: { "application/json": { schema: errorSchema(codes) } },
      };
    }
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      ...(op.parameters?.length ? { parameters: op.parameters.map(parameter) } : {}),
      ...(op.requestBody
        ? {
            requestBody: {
              description: op.requestBody.description,
              required: true,
              content: content(op.requestBody.content),
            },
          }
        : {}),
      responses,
      ...(op.public ? { security: [] } : {}),
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Callboard API",
      version: info.version,
      description:
        "Call history from the Voicenter Call Log, as Callboard serves it. Every error is the envelope `Error`; the account code and recording links never appear in an answer.",
    },
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (CALLBOARD_API_TOKENS, or one an admin created).",
        },
      },
      schemas,
    },
  };
}
