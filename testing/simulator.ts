import { toApiCall, type ApiCall } from "@/lib/api/calls-response";
import { readCall } from "@/lib/voicenter/call";
import { FIELD_NAMES } from "@/lib/voicenter/fields";
import type { CdrQuery } from "@/lib/voicenter/request";
import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "@/simulator/config";
import { generateDay, type GeneratorOptions } from "@/simulator/generate-day";
import { createInProcessSimulator, type Simulator } from "@/simulator/handler";
import { projectCall, runQuery } from "@/simulator/query";
import { startSimulatorServer, type SimulatorServer } from "@/simulator/server";

/**
 * The simulator as the tests of lib/ and app/ use it — in process, or on a loopback port —
 * and its ground truth. Production code reaches the simulator only through demo mode's
 * dynamic import (lib/server/upstream.ts).
 */

export type { Simulator, SimulatorConfigOverrides, SimulatorServer };

export const inProcessSimulator = createInProcessSimulator;

/** The simulator over real HTTP on an ephemeral loopback port. */
export function loopbackSimulator(overrides: SimulatorConfigOverrides): Promise<SimulatorServer> {
  return startSimulatorServer({
    config: defaultSimulatorConfig(overrides),
    port: 0,
    host: "127.0.0.1",
  });
}

/**
 * Every call the simulator holds for a query (`to` inclusive, whole seconds), in its own
 * order and without the upstream's 10,000 cap: what a complete result must equal.
 */
export function simulatedCallIds(
  simulator: Pick<Simulator, "store">,
  query: CdrQuery,
  now: number,
): string[] {
  const outcome = runQuery(query, {
    store: simulator.store,
    publicBaseUrl: "",
    now,
    cap: Number.MAX_SAFE_INTEGER,
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.calls.map((call) => call.callId);
}

/**
 * `days` UTC days of generated calls from `firstDay` (days since the epoch) as `/api/calls`
 * hands them to the browser (every field, read by the contract), without HTTP: for tests
 * and benchmarks of what the browser computes.
 */
export function simulatedApiCalls(
  options: GeneratorOptions,
  firstDay: number,
  days: number,
): ApiCall[] {
  const calls: ApiCall[] = [];
  for (let day = firstDay; day < firstDay + days; day++) {
    for (const call of generateDay(options, day)) {
      const read = readCall(projectCall(call, FIELD_NAMES, "http://simulator"));
      if (!read.ok) throw new Error(`the simulator wrote an unreadable record: ${read.reason}`);
      calls.push(toApiCall(read.call, FIELD_NAMES));
    }
  }
  return calls;
}
