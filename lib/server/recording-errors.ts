import "server-only";

import type { ApiErrorCode } from "@/lib/api/error-codes";

import { ApiError } from "./api-error";

/** Why a recording could not be served, with a message that names neither link nor code. */

export type RecordingErrorKind =
  | "not-found"
  | "rate-limited"
  | "refused"
  | "not-audio"
  | "range-not-satisfiable"
  | "invalid-url"
  | "host-not-allowed"
  | "address-refused"
  | "too-many-redirects"
  | "too-large"
  | "upstream"
  | "timeout"
  | "network";

const ERRORS: Record<RecordingErrorKind, { code: ApiErrorCode; message: string }> = {
  "not-found": {
    code: "recording_not_found",
    message: "recording not found or expired",
  },
  "rate-limited": {
    code: "recording_rate_limited",
    message: "the recording server is rate-limiting; try again in a minute",
  },
  refused: { code: "recording_refused", message: "the recording link was refused" },
  "not-audio": {
    code: "recording_not_audio",
    message: "the recording server did not send audio (an error page or an empty file)",
  },
  "range-not-satisfiable": {
    code: "range_not_satisfiable",
    message: "the requested byte range is outside the recording",
  },
  "invalid-url": {
    code: "recording_link_invalid",
    message: "the recording link is not an http(s) link",
  },
  "host-not-allowed": {
    code: "recording_host_not_allowed",
    message:
      "the recording link points at a host Callboard does not fetch from; an administrator can add it to CALLBOARD_RECORDING_HOSTS if it is the account's recording server",
  },
  "address-refused": {
    code: "recording_address_refused",
    message:
      "the recording host resolves to a private or internal address, which Callboard does not fetch from",
  },
  "too-many-redirects": {
    code: "recording_too_many_redirects",
    message: "the recording server redirected too many times",
  },
  "too-large": {
    code: "recording_too_large",
    message: "the recording is larger than Callboard serves",
  },
  upstream: { code: "recording_unavailable", message: "the recording server failed" },
  timeout: {
    code: "recording_timeout",
    message: "the recording server did not answer in time",
  },
  network: {
    code: "recording_unreachable",
    message: "could not reach the recording server",
  },
};

/** A recording that could not be served: an API error with the detail the route needs. */
export class RecordingError extends ApiError {
  override readonly name = "RecordingError";
  readonly kind: RecordingErrorKind;
  /** The recording server's HTTP status, when it answered. */
  readonly upstreamStatus?: number;
  readonly retryAfterSeconds?: number;
  /** For range-not-satisfiable: the recording's size, when the server said it. */
  readonly totalBytes?: number;

  constructor(
    kind: RecordingErrorKind,
    details: {
      upstreamStatus?: number;
      retryAfterSeconds?: number;
      totalBytes?: number;
      message?: string;
    } = {},
  ) {
    const info = ERRORS[kind];
    const headers: Record<string, string> = {};
    if (details.retryAfterSeconds !== undefined)
      headers["retry-after"] = String(details.retryAfterSeconds);
    if (details.totalBytes !== undefined)
      headers["content-range"] = `bytes */${details.totalBytes}`;
    super(info.code, details.message ?? info.message, { headers });
    this.kind = kind;
    this.upstreamStatus = details.upstreamStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.totalBytes = details.totalBytes;
  }
}

export function isRecordingError(error: unknown): error is RecordingError {
  return error instanceof RecordingError;
}
