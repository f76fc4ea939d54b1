import { createCallStore, type CallStore } from "./call-store";
import { handleCdr } from "./cdr-route";
import {
  defaultSimulatorConfig,
  type SimulatorConfig,
  type SimulatorConfigOverrides,
  type SimulatorFaults,
} from "./config";
import { createFaultInjector } from "./faults";
import { createRateLimiter } from "./rate-limit";
import { handleRecording } from "./recording-route";

/**
 * The simulator as a Fetch handler: runs in process (demo mode, no port) or behind
 * node:http (startSimulatorServer). Routes: /hub/cdr[/] (GET, POST) and
 * /recordings/<CallID>.wav (GET, HEAD, Range).
 */
export interface Simulator {
  handle(request: Request, clientIp: string): Promise<Response>;
  /** Switches faults while running (tests); a new rateLimitBurst restarts the burst. */
  setFaults(changes: Partial<SimulatorFaults>): void;
  readonly config: Readonly<SimulatorConfig>;
  /** The generated-day cache (exposed for memory checks). */
  readonly store: CallStore;
}

const CDR_PATH = /^\/hub\/cdr\/?$/;
const RECORDING_PATH = /^\/recordings\/([A-Za-z0-9]+)\.wav$/;

export function createSimulator(config: SimulatorConfig): Simulator {
  const store = createCallStore({ seed: config.seed, callsPerDay: config.callsPerDay });
  const faults = createFaultInjector(config.seed, config.faults);
  const limiter = createRateLimiter(() => config.rateLimit, config.now);

  async function route(request: Request, clientIp: string): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (CDR_PATH.test(pathname)) {
      if (request.method !== "GET" && request.method !== "POST") {
        return new Response("Method not allowed", { status: 405, headers: { allow: "GET, POST" } });
      }
      return handleCdr(request, clientIp, { config, store, faults, limiter });
    }
    const recording = RECORDING_PATH.exec(pathname);
    if (recording?.[1])
      return handleRecording(request, recording[1], { store, seed: config.seed, now: config.now });
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  }

  async function handle(request: Request, clientIp: string): Promise<Response> {
    try {
      return await route(request, clientIp);
    } catch (error) {
      // A simulator bug must look like an upstream outage, not crash the caller's fetch.
      console.error("simulator: request failed", error);
      return new Response("Internal simulator error", {
        status: 500,
        headers: { "content-type": "text/plain" },
      });
    }
  }

  return {
    handle,
    setFaults: (changes) => faults.update(changes),
    config,
    store,
  };
}

/**
 * A simulator in process and a `fetch` that reaches it as `clientIp` would, without a port:
 * demo mode's upstream, and the integration tests'.
 */
export function createInProcessSimulator(
  overrides: SimulatorConfigOverrides = {},
  clientIp = "127.0.0.1",
): { simulator: Simulator; fetch: typeof fetch } {
  const simulator = createSimulator(defaultSimulatorConfig(overrides));
  return {
    simulator,
    fetch: (input, init) => simulator.handle(new Request(input, init), clientIp),
  };
}
