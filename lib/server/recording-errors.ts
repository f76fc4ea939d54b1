import "server-only";

/** Why a recording could not be served, with a message that names neither link nor code. */

export type RecordingErrorKind =
  | "not-found"
  | "rate-limited"
  | "refused"
  | "not-audio"
  | "range-not-satisfiable"
  | "invalid-url"
  | "upstream"
  | "timeout"
  | "network";

const ERRORS: Record<RecordingErrorKind, { status: number; code: string; message: string }> = {
  "not-found": {
    status: 404,
    code: "recording_not_found",
    message: "recording not found or expired",
  },
  "rate-limited": {
    status: 429,
    code: "recording_rate_limited",
    message: "the recording server is rate-limiting; try again in a minute",
  },
  refused: { status: 502, code: "recording_refused", message: "the recording link was refused" },
  "not-audio": {
    status: 502,
    code: "recording_not_audio",
    message: "the recording server did not send audio (an error page or an empty file)",
  },
  "range-not-satisfiable": {
    status: 416,
    code: "range_not_satisfiable",
    message: "the requested byte range is outside the recording",
  },
  "invalid-url": {
    status: 502,
    code: "recording_link_invalid",
    message: "the recording link is not an http(s) link",
  },
  upstream: { status: 502, code: "recording_unavailable", message: "the recording server failed" },
  timeout: {
    status: 504,
    code: "recording_timeout",
    message: "the recording server did not answer in time",
  },
  network: {
    status: 502,
    code: "recording_unreachable",
    message: "could not reach the recording server",
  },
};

export class RecordingError extends Error {
  override readonly name = "RecordingError";
  readonly kind: RecordingErrorKind;
  /** HTTP status for Callboard's own answer. */
  readonly status: number;
  /** The `{error:{code}}` of Callboard's answer. */
  readonly code: string;
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
    super(details.message ?? info.message);
    this.kind = kind;
    this.status = info.status;
    this.code = info.code;
    this.upstreamStatus = details.upstreamStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.totalBytes = details.totalBytes;
  }
}

export function isRecordingError(error: unknown): error is RecordingError {
  return error instanceof RecordingError;
}
