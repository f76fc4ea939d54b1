/**
 * Loopback ports of the e2e servers (chosen away from the usual 3000/4010 defaults).
 * `E2E_PORT_OFFSET` shifts them all, so two checkouts can run their suites side by side.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
export const E2E_PORTS = {
  simulator: 4310 + offset,
  demo: 3310 + offset,
  live: 3311 + offset,
  /** Live mode with sign-in configured, started by the specs that need it. */
  gated: 3312 + offset,
  /** The test OpenID Connect provider (e2e/support/oidc-provider.ts). */
  oidc: 4311 + offset,
  /** Demo mode for the peer-address spec (its look-up budget is used up on purpose). */
  peer: 3313 + offset,
  /** Live mode against the fault spec's own simulator, whose faults it switches. */
  faults: 3314 + offset,
  faultSimulator: 4312 + offset,
  /** Demo mode with a busy simulator, for streamed loading (progress, Cancel). */
  stream: 3315 + offset,
  /** Live mode against the tail spec's own simulator, whose clock it moves. */
  tail: 3316 + offset,
  tailSimulator: 4313 + offset,
  /** Demo mode with a low paged-mode threshold (e2e/paged.spec.ts). */
  paged: 3317 + offset,
} as const;
