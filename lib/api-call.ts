import { z } from "zod";

import { callSchema } from "@/lib/voicenter/call";

/**
 * A call as `/api/calls` hands it to the browser: the normalized record without its
 * RecordURL (which may work without Callboard or carry credentials), plus whether a
 * recording exists; playback goes through `/api/recordings/<CallID>`.
 */
export const apiCallSchema = callSchema.omit({ RecordURL: true }).extend({
  CallID: z.string(),
  HasRecording: z.boolean(),
});
export type ApiCall = z.infer<typeof apiCallSchema>;

export const callsResponseSchema = z.object({
  calls: z.array(apiCallSchema),
  total: z.number().int().nonnegative(),
  complete: z.boolean(),
  incompleteReason: z.string().optional(),
  /** The upstream's own count when the result is incomplete (may exceed calls.length). */
  upstreamTotal: z.number().int().nonnegative().optional(),
  upstreamRequests: z.number().int().nonnegative(),
  rejected: z.object({ count: z.number().int().nonnegative(), reasons: z.array(z.string()) }),
  mode: z.enum(["demo", "live"]),
  range: z.object({ from: z.string(), to: z.string() }),
});
export type CallsResponse = z.infer<typeof callsResponseSchema>;

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
