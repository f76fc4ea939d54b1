/** Loopback ports of the e2e servers (chosen away from the usual 3000/4010 defaults). */
export const E2E_PORTS = { simulator: 4310, demo: 3310, live: 3311 } as const;
