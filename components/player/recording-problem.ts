import { apiErrorEnvelopeSchema, type ApiErrorCode } from "@/lib/api/error-codes";

/** Why a recording cannot be played, as the player explains it. */
export type RecordingProblem =
  | "no-recording"
  | "not-found"
  | "rate-limited"
  | "refused"
  | "not-audio"
  | "unavailable"
  | "unsupported"
  | "unknown";

const BY_CODE: Partial<Record<ApiErrorCode, RecordingProblem>> = {
  no_recording: "no-recording",
  recording_not_found: "not-found",
  recording_rate_limited: "rate-limited",
  recording_refused: "refused",
  recording_not_audio: "not-audio",
  recording_timeout: "unavailable",
  recording_unreachable: "unavailable",
  recording_unavailable: "unavailable",
  recording_link_invalid: "refused",
  recording_host_not_allowed: "refused",
  recording_address_refused: "refused",
  recording_too_many_redirects: "refused",
  recording_too_large: "unavailable",
  recording_lookup_limited: "rate-limited",
  upstream_rate_limited: "rate-limited",
  upstream_timeout: "unavailable",
  upstream_unreachable: "unavailable",
  upstream_failed: "unavailable",
};

/** Callboard's error answer (status + `{error:{code}}`) → the problem to show. */
export function problemFromAnswer(
  status: number,
  code: ApiErrorCode | undefined,
): RecordingProblem {
  const known = code === undefined ? undefined : BY_CODE[code];
  if (known) return known;
  if (status === 429) return "rate-limited";
  if (status === 404 || status === 410) return "not-found";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  return "unknown";
}

/** MediaError.code values (the constants are not available during server rendering). */
const MEDIA_ERR_NETWORK = 2;

/**
 * The <audio> element only says that it failed; asking the route again, for a few bytes,
 * tells why. If the route now serves audio, the browser could not play it (or the network
 * hiccuped, when the element said so).
 */
export async function probeRecording(
  src: string,
  mediaErrorCode: number | undefined,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<RecordingProblem> {
  let response: Response;
  try {
    response = await fetchImpl(src, {
      headers: { range: "bytes=0-1023" },
      signal,
      cache: "no-store",
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return "unavailable";
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return mediaErrorCode === MEDIA_ERR_NETWORK ? "unavailable" : "unsupported";
  }
  let code: ApiErrorCode | undefined;
  try {
    const parsed = apiErrorEnvelopeSchema.safeParse(await response.json());
    code = parsed.success ? parsed.data.error.code : undefined;
  } catch {
    code = undefined;
  }
  return problemFromAnswer(response.status, code);
}
