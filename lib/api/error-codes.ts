import * as z from "zod/mini";

/**
 * Every error code Callboard's API answers with, and its HTTP status: the one registry,
 * read by the server (to answer) and the browser (to explain). A new failure gets its code
 * here first. Pure, and zod/mini, so it stays small in the browser.
 */
export const API_ERROR_CODES = {
  bad_parameter: 400,
  /** No session and no API token (or an unknown one). */
  unauthorized: 401,
  /** Signed in, but the role may not do this. */
  forbidden: 403,
  /** A state-changing request whose Origin is not Callboard's own (cross-site request forgery). */
  origin_not_allowed: 403,
  /** Live mode with no sign-in method configured: nobody can be let in. */
  sign_in_not_configured: 503,
  /** No API route at this path, or no such user or token. */
  not_found: 404,
  /** The change contradicts what is there (an e-mail in use, an admin disabling themselves). */
  conflict: 409,
  internal_error: 500,
  /** The request was cancelled or ran past the server's own limit. */
  timeout: 504,

  upstream_unauthorized: 502,
  upstream_untrusted_ip: 502,
  /** The upstream refused the date range (its error 5): the caller's range, not a fault. */
  upstream_out_of_range: 422,
  upstream_rate_limited: 503,
  upstream_timeout: 504,
  upstream_unreachable: 502,
  upstream_failed: 502,
  upstream_malformed: 502,
  upstream_error: 502,

  no_recording: 404,
  recording_not_found: 404,
  recording_rate_limited: 429,
  /** This caller asked for too many calls Callboard did not know (each costs upstream budget). */
  recording_lookup_limited: 429,
  recording_refused: 502,
  recording_not_audio: 502,
  recording_link_invalid: 502,
  /** The link (or a redirect) points at a host not on CALLBOARD_RECORDING_HOSTS. */
  recording_host_not_allowed: 502,
  /** The host resolves to a private, loopback or otherwise internal address (live mode). */
  recording_address_refused: 502,
  recording_too_many_redirects: 502,
  /** The recording is larger than Callboard streams (or took longer than it allows). */
  recording_too_large: 502,
  recording_unavailable: 502,
  recording_timeout: 504,
  recording_unreachable: 502,
  range_not_satisfiable: 416,

  /** CALLBOARD_STORE=off: there is no call store to act on. */
  store_disabled: 409,
} as const satisfies Record<string, number>;

export const ApiErrorCode = z.enum(
  Object.keys(API_ERROR_CODES) as [
    keyof typeof API_ERROR_CODES,
    ...(keyof typeof API_ERROR_CODES)[],
  ],
);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

/** The one error envelope: `{"error":{"code","message","param"?}}` (`param`: the bad parameter). */
export const apiErrorEnvelopeSchema = z.object({
  error: z.object({ code: ApiErrorCode, message: z.string(), param: z.optional(z.string()) }),
});
export type ApiErrorEnvelope = z.infer<typeof apiErrorEnvelopeSchema>;
