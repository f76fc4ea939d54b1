import "server-only";

import { API_ERROR_CODES, type ApiErrorCode, type ApiErrorEnvelope } from "@/lib/api/error-codes";
import { isUpstreamError, type UpstreamError } from "@/lib/voicenter/cdr-api-errors";

import type { ServerLog } from "./log";

/**
 * The one error of Callboard's API: a code from the registry (which fixes the status), a
 * message written for the person reading the dashboard or the server's operator — never the
 * account code, a RecordURL or an internal error's text — and the parameter at fault.
 */
export class ApiError extends Error {
  override readonly name: string = "ApiError";
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly param?: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ApiErrorCode,
    message: string,
    details: { param?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.status = API_ERROR_CODES[code];
    this.param = details.param;
    this.headers = details.headers ?? {};
  }
}

/** 400 naming the parameter that is wrong. */
export function badParameter(param: string, message: string): ApiError {
  return new ApiError("bad_parameter", `${param}: ${message}`, { param });
}

export function apiErrorResponse(
  code: ApiErrorCode,
  message: string,
  extra: { param?: string; headers?: Readonly<Record<string, string>> } = {},
): Response {
  const body: ApiErrorEnvelope = {
    error: { code, message, ...(extra.param ? { param: extra.param } : {}) },
  };
  return Response.json(body, {
    status: API_ERROR_CODES[code],
    headers: { "cache-control": "no-store", ...extra.headers },
  });
}

/**
 * Anything thrown below a route handler as the envelope with a fitting status. Only the
 * unexpected is logged (the log scrubs secrets); the answer then says nothing about it.
 */
export function errorToResponse(error: unknown, log?: ServerLog): Response {
  const known = toApiError(error, log);
  return apiErrorResponse(known.code, known.message, known);
}

/** Anything thrown as the API error it is answered with (also mid-stream, as an error line). */
export function toApiError(error: unknown, log?: ServerLog): ApiError {
  if (error instanceof ApiError) return error;
  if (isUpstreamError(error)) return fromUpstream(error);
  if (
    error instanceof DOMException &&
    (error.name === "AbortError" || error.name === "TimeoutError")
  ) {
    return new ApiError("timeout", "the request was cancelled or took too long");
  }
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}\n${error.stack ?? ""}`
      : String(error);
  log?.error(`[api] unexpected error: ${text}`);
  return new ApiError("internal_error", "internal error");
}

/** An upstream failure as the operator or viewer can act on it. */
function fromUpstream(error: UpstreamError): ApiError {
  switch (error.kind) {
    case "unauthorized":
      return new ApiError(
        "upstream_unauthorized",
        "the Voicenter account code was refused — check VOICENTER_CODE",
      );
    case "untrusted-ip":
      return new ApiError(
        "upstream_untrusted_ip",
        `Voicenter does not trust this server's egress IP address${error.ip ? ` (${error.ip})` : ""}: add it to the trusted IP list of the Voicenter account`,
      );
    case "out-of-range":
      return new ApiError(
        "upstream_out_of_range",
        "the upstream refused the date range: choose a more recent or shorter range",
      );
    case "rate-limited": {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000));
      return new ApiError(
        "upstream_rate_limited",
        `the Voicenter request budget is used up; try again in ${seconds} s`,
        { headers: { "retry-after": String(seconds) } },
      );
    }
    case "timeout":
      return new ApiError("upstream_timeout", "the Voicenter API did not answer in time");
    case "network":
      return new ApiError("upstream_unreachable", "could not reach the Voicenter API");
    case "http":
      return new ApiError(
        "upstream_failed",
        `the Voicenter API failed${error.status ? ` (HTTP ${error.status})` : ""}`,
      );
    case "malformed":
      return new ApiError("upstream_malformed", "the Voicenter API sent an unreadable answer");
    case "upstream":
      return new ApiError(
        "upstream_error",
        `the Voicenter API answered with error ${error.errorNumber ?? "?"}`,
      );
  }
}
