import * as z from "zod";

import { callSchema, type Call } from "@/lib/voicenter/call";
import type { FieldName } from "@/lib/voicenter/fields";

/**
 * A call as `/api/calls` hands it to the browser: the normalized record without its
 * RecordURL (which may work without Callboard or carry credentials), plus whether a
 * recording exists; playback goes through `/api/recordings/<CallID>`.
 */
const apiCallSchema = callSchema.omit({ RecordURL: true }).extend({
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

/**
 * The browser's form of a call: only the asked-for fields (plus CallID and Date, which the
 * table keys and sorts by), RecordURL replaced by HasRecording.
 */
export function toApiCall(call: Call, fields: readonly FieldName[]): ApiCall {
  const out: Record<string, unknown> = {};
  for (const name of fields) {
    if (name !== "RecordURL" && call[name] !== undefined) out[name] = call[name];
  }
  out.CallID = call.CallID ?? "";
  if (call.Date !== undefined) out.Date = call.Date;
  out.HasRecording = (call.RecordURL ?? "") !== "" || call.RecordExpect === true;
  return out as ApiCall;
}
