import * as z from "zod";

/** `/api/health`: liveness, mode and the database; nothing about the account or credentials. */
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
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
