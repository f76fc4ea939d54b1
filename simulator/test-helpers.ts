import { buildCdrRequestBody, type CdrQuery } from "../lib/voicenter/request";
import { readCdrResponse, type CdrResponse } from "../lib/voicenter/response";
import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "./config";
import { createSimulator, type Simulator } from "./handler";

/** Shared set-up for the simulator's tests: a fixed clock and request helpers. */

/** Thursday 2024-06-20 12:00 UTC (15:00 in Israel). */
export const NOW = Date.UTC(2024, 5, 20, 12);
/** Sunday 2024-06-09 00:00 UTC: the start of a busy Israeli week. */
export const SUNDAY = Date.UTC(2024, 5, 9);
export const DAY = 86_400_000;
export const ORIGIN = "http://sim.test";

export interface TestSimulator extends Simulator {
  clock: { now: number };
}

export function testSimulator(overrides: SimulatorConfigOverrides = {}): TestSimulator {
  const clock = { now: NOW };
  const simulator = createSimulator(
    defaultSimulatorConfig({
      publicBaseUrl: ORIGIN,
      now: () => clock.now,
      rateLimit: 10_000,
      ...overrides,
    }),
  );
  return { ...simulator, clock };
}

export function postRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/hub/cdr/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export function getRequest(
  params: ReadonlyArray<readonly [string, string]>,
  headers: Record<string, string> = {},
): Request {
  const search = new URLSearchParams(params.map(([k, v]) => [k, v]));
  return new Request(`${ORIGIN}/hub/cdr/?${search.toString()}`, { headers });
}

export async function answer(
  simulator: Simulator,
  request: Request,
  clientIp = "127.0.0.1",
): Promise<{ status: number; json: Record<string, unknown>; read: CdrResponse }> {
  const response = await simulator.handle(request, clientIp);
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, json, read: readCdrResponse(json) };
}

/** Posts the body the real client builds and returns the contract's reading of the answer. */
export async function query(
  simulator: Simulator,
  q: CdrQuery,
  code = "demo",
): Promise<CdrResponse> {
  return (await answer(simulator, postRequest(buildCdrRequestBody(q, code)))).read;
}

export async function okCalls(simulator: Simulator, q: CdrQuery) {
  const read = await query(simulator, q);
  if (read.kind !== "ok") throw new Error(`expected calls, got ${JSON.stringify(read)}`);
  return read;
}
