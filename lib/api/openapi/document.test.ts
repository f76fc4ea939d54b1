import { describe, expect, it } from "vitest";

import { API_ERROR_CODES, type ApiErrorCode } from "@/lib/api/error-codes";
import { listApiRoutes, routeMethods } from "@/testing/api-routes";

import { buildOpenApiDocument } from "./document";
import { API_OPERATIONS } from "./operations";

/**
 * The OpenAPI description covers every route file under app/api (and nothing else), and is
 * a well-formed OpenAPI 3.1 document: the structure the specification requires, every $ref
 * resolvable, every error response a registry code with its registry status.
 */

type Json = Record<string, unknown>;

/** Routes that are not operations of their own, and why. */
const UNDESCRIBED: Record<string, string> = {
  "/api/[...path]": "the JSON 404 of any /api path without a route",
  "/api/auth/[...all]": "Better Auth's sign-in routes, used by the sign-in page only",
};

const doc = buildOpenApiDocument(API_OPERATIONS, { version: "0.0.0-test" });
const paths = doc.paths as Record<string, Record<string, Json>>;
const OPERATION_KEYS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function operations(): { path: string; method: string; op: Json }[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([key]) => OPERATION_KEYS.includes(key))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** Every value under `node`, depth first, with its JSON pointer. */
function* walk(node: unknown, pointer = "#"): Generator<[string, unknown]> {
  yield [pointer, node];
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      yield* walk(value, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`);
    }
  }
}

function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
}

describe("the OpenAPI description", () => {
  it("describes every method of every route file under app/api, and nothing that is not one", async () => {
    process.env.VOICENTER_CODE = "";
    const routes = listApiRoutes();
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        "/api/calls",
        "/api/calls/progress",
        "/api/health",
        "/api/recordings/[callId]",
      ]),
    );
    const implemented = new Set<string>();
    for (const route of routes) {
      const methods = Object.keys(await routeMethods(route));
      expect(methods.length, `${route.file} exports no handler`).toBeGreaterThan(0);
      if (UNDESCRIBED[route.route]) continue;
      for (const method of methods) implemented.add(`${method.toLowerCase()} ${route.openApiPath}`);
    }
    const described = new Set(operations().map(({ path, method }) => `${method} ${path}`));
    expect(
      [...implemented].filter((m) => !described.has(m)),
      "routes the description lacks",
    ).toEqual([]);
    expect(
      [...described].filter((m) => !implemented.has(m)),
      "described but not routes",
    ).toEqual([]);
  });

  it("has the structure OpenAPI 3.1 requires", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const info = doc.info as Json;
    expect(typeof info.title).toBe("string");
    expect(typeof info.version).toBe("string");
    const tagNames = (doc.tags as { name: string }[]).map((t) => t.name);
    const schemes = (doc.components as { securitySchemes: Record<string, Json> }).securitySchemes;
    expect(schemes.bearer).toEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));

    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      expect(path, where).toMatch(/^\/[^{}]*(\{[A-Za-z0-9_]+\}[^{}]*)*$/);
      expect(typeof op.operationId, where).toBe("string");
      expect(
        ids.has(op.operationId as string),
        `duplicate operationId ${String(op.operationId)}`,
      ).toBe(false);
      ids.add(op.operationId as string);
      for (const tag of op.tags as string[]) expect(tagNames).toContain(tag);

      const params = (op.parameters ?? []) as Json[];
      const keys = params.map((p) => `${String(p.in)}:${String(p.name)}`);
      expect(new Set(keys).size, `${where}: a parameter twice`).toBe(keys.length);
      for (const p of params) {
        expect(["query", "header", "path", "cookie"], where).toContain(p.in);
        expect(typeof p.name, where).toBe("string");
        expect(p.schema, `${where} ${String(p.name)}: a schema`).toEqual(expect.any(Object));
        if (p.in === "path")
          expect(p.required, `${where}: path parameters are required`).toBe(true);
      }
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(
        params
          .filter((p) => p.in === "path")
          .map((p) => p.name)
          .sort(),
        where,
      ).toEqual(templated.sort());

      const responses = op.responses as Record<string, Json>;
      expect(Object.keys(responses).length, where).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(responses)) {
        expect(status, where).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
        expect(typeof response.description, `${where} ${status}`).toBe("string");
      }
      for (const requirement of (op.security ?? doc.security) as Json[]) {
        for (const name of Object.keys(requirement)) expect(Object.keys(schemes)).toContain(name);
      }
    }
    expect(ids.size).toBe(API_OPERATIONS.length);
  });

  it("resolves every $ref, and uses only JSON Schema's types", () => {
    const types = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
    for (const [pointer, node] of walk(doc)) {
      if (!node || typeof node !== "object" || Array.isArray(node)) continue;
      const { $ref, type } = node as { $ref?: unknown; type?: unknown };
      if (typeof $ref === "string") expect(resolve($ref), `${pointer} → ${$ref}`).toBeDefined();
      if (typeof type === "string" && !pointer.endsWith("/properties")) {
        expect(
          types.has(type) || pointer.includes("/securitySchemes/"),
          `${pointer}: type ${type}`,
        ).toBe(true);
      }
    }
  });

  it("states every error with a registry code under the registry's status", () => {
    let checked = 0;
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        const schema = ((response.content as Json)["application/json"] as Json).schema as {
          properties: { error: { properties: { code: { enum: ApiErrorCode[] } } } };
        };
        for (const code of schema.properties.error.properties.code.enum) {
          expect(API_ERROR_CODES[code], `${method} ${path}: ${code}`).toBe(Number(status));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    const calls = paths["/api/calls"]?.get as Json;
    const from = (calls.parameters as Json[]).find((p) => p.name === "from");
    expect(from).toMatchObject({
      in: "query",
      required: true,
      schema: { type: "string", format: "date-time" },
    });
  });

  it("is served at GET /api/openapi.json", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const response = await GET(new Request("http://localhost/api/openapi.json"));
    expect(response.status).toBe(200);
    const served = (await response.json()) as Json;
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths as Json).sort()).toEqual(Object.keys(paths).sort());
  });
});
