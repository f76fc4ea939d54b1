import type { ApiCall } from "./calls-response";
import { callsTailResponseSchema } from "./calls-tail";
import { apiErrorEnvelopeSchema, type ApiErrorCode } from "./error-codes";
import { isApiCallShaped } from "./fetch-calls";

/** One ask of the live tail (`/api/calls/tail`): new calls and the next cursor, or why not. */
export type TailResult =
  | {
      ok: true;
      calls: ApiCall[];
      cursor: string;
      intervalSeconds: number;
      /** More than one answer held: ask again with the same `since` and this. */
      after?: string;
    }
  | { ok: false; code: "store_disabled" | "filter"; message: string }
  | { ok: false; code: ApiErrorCode | "network" | "bad_response"; message: string };

export async function fetchTail(
  search: string,
  since: string,
  signal?: AbortSignal,
  after?: string,
): Promise<TailResult> {
  const place = after === undefined ? "" : `&after=${encodeURIComponent(after)}`;
  let response: Response;
  try {
    response = await fetch(`/api/calls/tail?${search}&since=${encodeURIComponent(since)}${place}`, {
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
    ...(parsed.data.more && parsed.data.after ? { after: parsed.data.after } : {}),
  };
}

/**
 * The most answers one ask follows (`more`): 20 × 5,000 calls. The last one's cursor is
 * the newest receipt read, so the next ask goes on from there.
 */
const MAX_FOLLOWS = 20;

/**
 * One ask of the live tail, whole: the answers that say `more` are followed (same `since`,
 * their `after`), their calls put together, and the last one's cursor kept — so a burst of
 * receipts bigger than one answer does not hide what came after it.
 */
export async function fetchWholeTail(
  search: string,
  since: string,
  signal?: AbortSignal,
): Promise<TailResult> {
  const calls: ApiCall[] = [];
  let after: string | undefined;
  for (let follows = 0; ; follows++) {
    const result = await fetchTail(search, since, signal, after);
    if (!result.ok) return result;
    calls.push(...result.calls);
    if (result.after === undefined || follows + 1 >= MAX_FOLLOWS) return { ...result, calls };
    after = result.after;
  }
}
