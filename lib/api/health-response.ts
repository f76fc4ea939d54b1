import * as z from "zod";

import { UPSTREAM_PURPOSES } from "@/lib/db/schema/call-store";

const instant = z.string().nullable();

/**
 * `/api/health`: liveness, mode, the database, and the call store's view of the upstream,
 * the budget, the sync and coverage (lib/store/status.ts); nothing about the account or
 * credentials.
 */
export const healthResponseSchema = z.object({
  /** False (with HTTP 503) when the database does not answer. */
  ok: z.boolean(),
  mode: z.enum(["demo", "live"]),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    ok: z.boolean(),
    /** The last completed check's round trip in ms; null before the first. */
    latencyMs: z.number().nullable(),
    checkedAt: z.string().nullable(),
    /** How long the check still in progress has waited, in ms. */
    waitingMs: z.number().optional(),
    /** Why it is not ok: a sentence free of credentials. */
    error: z.string().optional(),
  }),
  upstream: z.object({
    /** null until this instance or the sync has asked the upstream anything. */
    reachable: z.boolean().nullable(),
    lastAnswerAt: instant,
    error: z.string().optional(),
    /** The address the upstream refused (its error 4): put it on its trusted list. */
    refusedIp: z.string().optional(),
  }),
  budget: z.object({
    limit: z.number(),
    windowMs: z.number(),
    windowSeconds: z.number(),
    used: z.number(),
    byPurpose: z.record(z.enum(UPSTREAM_PURPOSES), z.number()),
  }),
  sync: z.object({
    enabled: z.boolean(),
    leading: z.boolean().optional(),
    leader: z.string().optional(),
    syncedTo: instant.optional(),
    lagSeconds: z.number().nullable().optional(),
    healthy: z.boolean().optional(),
    lastSuccessAt: instant.optional(),
    lastErrorAt: instant.optional(),
    lastError: z.string().optional(),
  }),
  coverage: z.object({
    enabled: z.boolean(),
    from: instant.optional(),
    to: instant.optional(),
    coveredHours: z.number().optional(),
    backfill: z
      .object({ days: z.number(), done: z.boolean(), remainingHours: z.number() })
      .optional(),
  }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
