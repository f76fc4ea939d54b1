import { DAY_MS } from "@/lib/time/units";
import { defaultSimulatorConfig, type SimulatorConfigOverrides } from "@/simulator/config";
import { startSimulatorServer, type SimulatorServer } from "@/simulator/server";

/**
 * The simulator over real HTTP on loopback, counting the CDR requests it receives — an
 * upstream-side count that does not depend on Callboard's own `upstreamRequests`.
 */

export const BENCH_CODE = "bench-account";
const CDR_PATH = /^\/hub\/cdr\/?$/;

export interface CountingSimulator {
  server: SimulatorServer;
  /** The CDR endpoint, for VOICENTER_API_URL. */
  cdrUrl: string;
  /** Arrival times (epoch ms) of every CDR request. */
  requestTimes: number[];
  /** CDR requests that arrived in [from, to]. */
  requestsBetween(from: number, to: number): number;
}

export async function startCountingSimulator(
  overrides: SimulatorConfigOverrides = {},
): Promise<CountingSimulator> {
  const server = await startSimulatorServer({
    config: defaultSimulatorConfig({ code: BENCH_CODE, ...overrides }),
    port: 0,
    host: "127.0.0.1",
  });
  const requestTimes: number[] = [];
  const simulator = server.simulator;
  const handle = simulator.handle.bind(simulator);
  // The HTTP server looks `handle` up on every request, so wrapping it counts them all.
  simulator.handle = (request, clientIp) => {
    if (CDR_PATH.test(new URL(request.url).pathname)) requestTimes.push(Date.now());
    return handle(request, clientIp);
  };
  return {
    server,
    cdrUrl: `${server.url}/hub/cdr/`,
    requestTimes,
    requestsBetween: (from, to) => requestTimes.filter((t) => t >= from && t <= to).length,
  };
}

/**
 * The range [from, end) holding about `target` of the simulator's calls: the calls before
 * `end` are counted from its own (deterministic) generator, going back day by day.
 */
export function rangeWithCalls(
  sim: CountingSimulator,
  target: number,
  end: number,
): { from: number; to: number; expected: number } {
  const endSeconds = Math.floor(end / 1000);
  const starts: number[] = [];
  for (let day = Math.floor((end - 1) / DAY_MS); starts.length < target; day--) {
    for (const call of sim.server.simulator.store.day(day)) {
      if (call.epoch < endSeconds) starts.push(call.epoch);
    }
    if (Math.floor(end / DAY_MS) - day > 90) break; // stay inside the upstream's 93 days
  }
  starts.sort((a, b) => b - a);
  const first = starts[Math.min(target, starts.length) - 1] ?? endSeconds - DAY_MS / 1000;
  const from = first * 1000;
  return { from, to: end, expected: starts.filter((s) => s >= first).length };
}

/** The start of yesterday (UTC): ranges ending there are settled, so Callboard caches them. */
export function settledEnd(now = Date.now()): number {
  return (Math.floor(now / DAY_MS) - 1) * DAY_MS;
}
