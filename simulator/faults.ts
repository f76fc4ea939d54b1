import type { SimulatorFaults } from "./config";
import { createRng, hashInts } from "./prng";

/**
 * Test switches applied to /hub/cdr. Draws come from a PRNG seeded by the simulator's seed,
 * one draw sequence per request, so the same requests meet the same faults every run.
 */
export interface FaultInjector {
  /** The faults in force now (they can be changed while running). */
  current(): SimulatorFaults;
  update(changes: Partial<SimulatorFaults>): void;
  /** Draws this request's faults; call once per /hub/cdr request. */
  nextRequest(): RequestFaults;
  /** Whether a forced rate-limit burst answers this request (counts the burst down). */
  takeRateLimitBurst(): boolean;
}

export interface RequestFaults {
  /** Which request this is, counting from 0. */
  sequence: number;
  latencyMs: number;
  /** An HTTP 5xx status to answer with instead of anything else, if drawn. */
  serverError: number | undefined;
  /** Damages a successful JSON body as drawn (malformed or truncated), else returns it as is. */
  damage(body: string): string;
  quirks: boolean;
}

const SERVER_ERRORS = [500, 502, 503, 504];

export function createFaultInjector(seed: number, initial: SimulatorFaults): FaultInjector {
  let faults = { ...initial };
  let burstLeft = faults.rateLimitBurst;
  let sequence = 0;
  // failAfterRequests counts from when it was switched on.
  let failFrom = 0;
  return {
    current: () => ({ ...faults }),
    update(changes) {
      faults = { ...faults, ...changes };
      if (changes.rateLimitBurst !== undefined) burstLeft = changes.rateLimitBurst;
      if (changes.failAfterRequests !== undefined) failFrom = sequence;
    },
    nextRequest() {
      const rng = createRng(hashInts(seed, 0xfa17, sequence));
      const failedAfter =
        faults.failAfterRequests > 0 && sequence - failFrom >= faults.failAfterRequests;
      const drawServerError = rng.next() < faults.http5xxRate || failedAfter;
      const errorStatus = SERVER_ERRORS[rng.int(0, SERVER_ERRORS.length - 1)];
      const malformed = rng.next() < faults.malformedJsonRate;
      const truncated = rng.next() < faults.truncatedJsonRate;
      const cutAt = 0.1 + 0.8 * rng.next();
      return {
        sequence: sequence++,
        latencyMs: faults.latencyMs,
        serverError: failedAfter ? 503 : drawServerError ? errorStatus : undefined,
        quirks: faults.quirks,
        damage(body) {
          if (malformed) return malform(body);
          if (truncated)
            return body.slice(
              0,
              Math.min(body.length - 1, Math.max(1, Math.floor(body.length * cutAt))),
            );
          return body;
        },
      };
    },
    takeRateLimitBurst() {
      if (burstLeft <= 0) return false;
      burstLeft--;
      return true;
    },
  };
}

/** Always a syntax error, wherever the body is cut or however long the list is. */
function malform(body: string): string {
  const at = body.indexOf("[");
  return at >= 0 ? `${body.slice(0, at + 1)},${body.slice(at + 1)}` : `${body},`;
}

export function serverErrorPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status} Server Error</h1><p>The server is temporarily unable to service your request.</p></body></html>`;
}
