import "server-only";

import { serverEnv, type ServerEnv } from "./env";

export interface UpstreamConfig {
  mode: "demo" | "live";
  /** The CDR endpoint. */
  url: string;
  /** The account code: a secret. Never in a log line, an error message or a response. */
  code: string;
  auth: "body" | "bearer";
  /** Global fetch in live mode; the in-process simulator in demo mode. */
  fetch: typeof fetch;
  rateLimitPerMinute: number;
  timeoutMs: number;
}

const DEMO_ORIGIN = "http://simulator.internal";
const DEMO_CODE = "demo";

let cached: UpstreamConfig | undefined;

/** Live when VOICENTER_CODE is set; otherwise the built-in simulator, in process, no port. */
export function getUpstream(): UpstreamConfig {
  if (cached) return cached;
  const env = serverEnv();
  if (env.VOICENTER_CODE) {
    cached = {
      mode: "live",
      url: env.VOICENTER_API_URL,
      code: env.VOICENTER_CODE,
      auth: env.VOICENTER_AUTH,
      fetch: (input, init) => fetch(input, init),
      rateLimitPerMinute: env.VOICENTER_RATE_LIMIT,
      timeoutMs: env.VOICENTER_TIMEOUT_MS,
    };
    return cached;
  }
  const simulator = loadSimulatorFetch(env);
  cached = {
    mode: "demo",
    url: `${DEMO_ORIGIN}/hub/cdr/`,
    code: DEMO_CODE,
    auth: "body",
    fetch: async (input, init) => (await simulator)(input, init),
    rateLimitPerMinute: env.VOICENTER_RATE_LIMIT,
    timeoutMs: env.VOICENTER_TIMEOUT_MS,
  };
  return cached;
}

/**
 * The simulator, loaded only when demo mode is chosen: a live deployment never loads it, and
 * nothing in lib/ depends on simulator/ statically.
 */
async function loadSimulatorFetch(env: ServerEnv): Promise<typeof fetch> {
  const { createInProcessSimulator } = await import("@/simulator/handler");
  return createInProcessSimulator({
    code: DEMO_CODE,
    seed: env.SIMULATOR_SEED,
    callsPerDay: env.SIMULATOR_CALLS_PER_DAY,
    rateLimit: env.VOICENTER_RATE_LIMIT,
    publicBaseUrl: DEMO_ORIGIN,
  }).fetch;
}
