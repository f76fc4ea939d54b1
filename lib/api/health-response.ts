import * as z from "zod";

/** `/api/health`: liveness and mode; nothing about the account. */
export const healthResponseSchema = z.object({
  ok: z.literal(true),
  mode: z.enum(["demo", "live"]),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
