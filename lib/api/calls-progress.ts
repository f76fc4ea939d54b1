import * as z from "zod/mini";

/**
 * `/api/calls/progress`: how far the server's load of a query has come, or null when no load
 * of it runs. Pure, zod/mini (the browser polls it).
 */
export const callsProgressResponseSchema = z.object({
  progress: z.nullable(
    z.object({
      loaded: z.number(),
      expected: z.number(),
      windowsDone: z.number(),
      windowsPlanned: z.number(),
      upstreamRequests: z.number(),
    }),
  ),
});

export type LoadProgress = NonNullable<z.infer<typeof callsProgressResponseSchema>["progress"]>;
