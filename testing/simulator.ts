import type { CdrQuery } from "@/lib/voicenter/request";
import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "@/simulator/config";
import { createInProcessSimulator, type Simulator } from "@/simulator/handler";
import { runQuery } from "@/simulator/query";
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
