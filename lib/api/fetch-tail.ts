import type { ApiCall } from "./calls-response";
import { callsTailResponseSchema } from "./calls-tail";
import { apiErrorEnvelopeSchema, type ApiErrorCode } from "./error-codes";
import { isApiCallShaped } from "./fetch-calls";

/** One ask of the live tail (`/api/calls/tail`): new calls and the next cursor, or why not. */
export type TailResult =
  | { ok: true; calls: ApiCall[]; cursor: string; intervalSeconds: number }
  | { ok: false; code: "store_disabled" | "filter"; message: string }
  | { ok: false; code: ApiErrorCode | "network" | "bad_response"; message: string };

export async function fetchTail(
  search: string,
  since: string,
  signal?: AbortSignal,
): Promise<TailResult> {
  let response: Response;
  try {
    response = await fetch(`/api/calls/tail?${search}&since=${encodeURIComponent(since)}`, {
      signal,
      headers: { accept: "application/json" },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, code: "network", message: "Callboard's server could not be reached." };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const envelope = apiErrorEnvelopeSchema.safeParse(body);
    return envelope.success
      ? { ok: false, code: envelope.data.error.code, message: envelope.data.error.message }
      : { ok: false, code: "bad_response", message: `HTTP ${response.status}` };
  }
  const parsed = callsTailResponseSchema.safeParse(body);
  if (!parsed.success || !parsed.data.calls.every(isApiCallShaped))
    return { ok: false, code: "bad_response", message: "an unreadable answer" };
  if (parsed.data.unavailable)
    return { ok: false, code: parsed.data.unavailable, message: parsed.data.message ?? "" };
  return {
    ok: true,
    calls: parsed.data.calls,
    cursor: parsed.data.cursor,
    intervalSeconds: parsed.data.intervalSeconds,
  };
}
