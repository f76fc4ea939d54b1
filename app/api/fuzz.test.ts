import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";

import { API_ERROR_CODES, apiErrorEnvelopeSchema } from "@/lib/api/error-codes";
import type { ApiParameter } from "@/lib/api/openapi/operation";
import { API_OPERATIONS } from "@/lib/api/openapi/operations";
import { getUpstream } from "@/lib/server/upstream";
import { listApiRoutes, routeMethods, type ApiRouteFile } from "@/testing/api-routes";
import { installCallsService } from "@/testing/calls-service";
import { useProcessDatabase } from "@/testing/database/process-database";
import { createFakeClock, type FakeClock } from "@/testing/fake-clock";
import { bodyOf, headersOf, queryOf, segmentOf } from "@/testing/fuzz-arbitraries";
import { inProcessSimulator } from "@/testing/simulator";

/**
 * Property-based fuzzing of every /api route file (found on disk, so a new one is fuzzed
 * too), its parameters from the OpenAPI description plus undocumented ones, its headers and
 * its path segments: the real handlers, in process, against the simulator. Never a 5xx;
 * every refusal a registry code under its registry status, and a bad parameter named.
 * Seeded, so a failure reproduces; the seed and the shrunk case are in the failure message.
 */

const SEED = 20_240_612;
/** Cases per route; a route not listed here gets DEFAULT_RUNS. */
const RUNS: Record<string, number> = {
  "/api/calls": 3_000,
  "/api/calls/progress": 1_500,
  "/api/recordings/[callId]": 3_000,
  "/api/health": 500,
  "/api/openapi.json": 300,
  "/api/[...path]": 1_700,
};
const DEFAULT_RUNS = 1_000;
const DAY = 86_400_000;

let clock: FakeClock;
let knownCalls: string[] = [];
const tally = new Map<string, Map<string, number>>();
let database: Awaited<ReturnType<typeof useProcessDatabase>>;

beforeAll(async () => {
  process.env.VOICENTER_CODE = "";
  process.env.SIMULATOR_SEED = "3";
  process.env.SIMULATOR_CALLS_PER_DAY = "40";
  // /api/health asks the database: an opened one, so "still opening" (503) is not fuzzed
  database = await useProcessDatabase("fuzz");
  clock = createFakeClock(Date.now());
  // The demo upstream's data, without its budget: the fuzzer asks far more than 30 a minute.
  const { fetch } = inProcessSimulator({
    seed: 3,
    callsPerDay: 40,
    rateLimit: 1e9,
    publicBaseUrl: new URL(getUpstream().url).origin,
  });
  const service = installCallsService({
    upstream: { ...getUpstream(), fetch, rateLimitPerMinute: 1e6 },
    now: clock.now,
    sleep: clock.sleep,
  });
  const { answer } = await service.getCalls({ from: clock.now() - 3 * DAY, to: clock.now() - DAY });
  const text = new TextDecoder().decode(Buffer.concat(answer.body));
  const { calls } = JSON.parse(text) as { calls: { CallID: string; HasRecording: boolean }[] };
  knownCalls = calls
    .filter((c) => c.HasRecording)
    .map((c) => c.CallID)
    .slice(0, 40);
  expect(knownCalls.length).toBeGreaterThan(5);
});

afterAll(async () => {
  await database.close();
  const lines = [...tally].map(([route, outcomes]) => {
    const n = [...outcomes.values()].reduce((a, b) => a + b, 0);
    const top = [...outcomes]
      .sort((a, b) => b[1] - a[1])
      .map(([o, c]) => `${o} ${c}`)
      .join(", ");
    return `  ${route}: ${n} cases (${top})`;
  });
  const total = [...tally.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${total} cases, no 5xx\n${lines.join("\n")}`);
});

/** What a bad_parameter may name for a route with a JSON body: the body, its type, or a field of it. */
function bodyNamesOf(route: ApiRouteFile): string[] {
  const names: string[] = [];
  for (const op of API_OPERATIONS.filter((o) => o.path === route.openApiPath)) {
    for (const { schema } of Object.values(op.requestBody?.content ?? {})) {
      if (!schema) continue;
      const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
        properties?: Record<string, unknown>;
      };
      names.push("body", "content-type", ...Object.keys(json.properties ?? {}));
    }
  }
  return names;
}

function parametersOf(route: ApiRouteFile): ApiParameter[] {
  const seen = new Map<string, ApiParameter>();
  for (const op of API_OPERATIONS.filter((o) => o.path === route.openApiPath)) {
    for (const p of op.parameters ?? []) seen.set(`${p.in}:${p.name}`, p);
  }
  return [...seen.values()];
}

function count(route: string, outcome: string) {
  const outcomes = tally.get(route) ?? new Map<string, number>();
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  tally.set(route, outcomes);
}

describe("fuzzing every /api route", () => {
  const routes = listApiRoutes();

  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
  });

  it.each(routes.map((r) => [r.route, r] as const))(
    "%s: never a 5xx; every refusal a registry code, a bad parameter named",
    async (_name, route) => {
      const handlers = await routeMethods(route);
      const methods = Object.keys(handlers) as (keyof typeof handlers)[];
      const params = parametersOf(route);
      const names = new Set([
        ...params.map((p) => p.name),
        ...route.segments.map((s) => s.name),
        ...bodyNamesOf(route),
      ]);
      const now = clock.now();
      const cases = fc.record({
        method: fc.constantFrom(...methods),
        query: queryOf(params, now),
        headers: headersOf(params, now),
        segments: fc.tuple(...route.segments.map((s) => segmentOf(knownCalls, s.catchAll))),
        body: bodyOf,
        json: fc.boolean(),
      });

      await fc.assert(
        fc.asyncProperty(cases, async ({ method, query, headers, segments, body, json }) => {
          // Time moves on, so the per-caller look-up budget (10 a minute) refills now and then.
          clock.advance(250);
          const values = route.segments.map((_, i) => segments[i] ?? []);
          let at = 0;
          const path = route.route.replace(/\[(\.\.\.)?[^\]]+\]/g, () =>
            (values[at++] ?? []).map(encodeURIComponent).join("/"),
          );
          const segment = Object.fromEntries(
            route.segments.map((s, i) => [s.name, s.catchAll ? values[i] : values[i]?.[0]]),
          );
          const search = query.toString();
          const sent =
            method === "GET" || method === "HEAD" || body === undefined ? undefined : body;
          // a JSON body usually says so, so the checks behind the content type are reached
          if (sent !== undefined && json && !headers.has("content-type"))
            headers.set("content-type", "application/json");
          const request = new Request(`http://localhost${path}${search ? `?${search}` : ""}`, {
            method,
            headers,
            body: sent === undefined ? undefined : JSON.stringify(sent),
          });
          const handler = handlers[method];
          if (!handler) throw new Error(`no ${method}`);
          const response = await handler(request, { params: Promise.resolve(segment) });
          const status = response.status;
          if (status < 400) {
            await response.body?.cancel();
            count(route.route, String(status));
            return;
          }
          const text = await response.text();
          expect(status, `${method} ${request.url}: ${text}`).toBeLessThan(500);
          const { error } = apiErrorEnvelopeSchema.parse(JSON.parse(text));
          expect(API_ERROR_CODES[error.code], text).toBe(status);
          expect(error.message.length).toBeGreaterThan(5);
          if (error.code === "bad_parameter") {
            // a body field's path (filters.x) names its field
            expect(names, `${request.url}: ${text}`).toContain(error.param?.split(".")[0]);
          }
          count(route.route, error.code);
        }),
        { numRuns: RUNS[route.route] ?? DEFAULT_RUNS, seed: SEED, endOnFailure: false },
      );
    },
  );

  it("ran at least 10,000 cases in all", () => {
    const total = [...tally.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});
