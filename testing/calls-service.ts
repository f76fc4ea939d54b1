import {
  createCallsService,
  getCallsService,
  type CallsService,
  type CallsServiceOptions,
} from "@/lib/server/calls-service";
import { getUpstream } from "@/lib/server/upstream";

/**
 * Puts a calls service made with these options (a fake clock, another budget) where the
 * route handlers find the process's one (getCallsService), for tests that run the real
 * routes. The upstream is this process's, from the environment, unless given.
 */
export function installCallsService(options: Partial<CallsServiceOptions> = {}): CallsService {
  const service = createCallsService({ upstream: getUpstream(), ...options });
  (globalThis as Record<symbol, unknown>)[Symbol.for("callboard.callsService")] = service;
  if (getCallsService() !== service) throw new Error("getCallsService no longer reads the slot");
  return service;
}
