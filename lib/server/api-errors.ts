import "server-only";

import { isUpstreamError, redactSecret, type UpstreamError } from "@/lib/voicenter/cdr-api-errors";

/**
 * The one error envelope of Callboard's API: `{"error":{"code","message"}}`. Messages are
 * written for the person reading the dashboard or the server's operator, and never carry
 * the account code, a RecordURL or an internal error's text.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; param?: string };
}

export function apiErrorResponse(
  status: number,
  code: string,
  message: string,
  extra: { param?: string; headers?: Record<string, string> } = {},
): Response {
  const body: ApiErrorBody = {
    error: { code, message, ...(extra.param ? { param: extra.param } : {}) },
  };
  return Response.json(body, {
    status,
    headers: { "cache-control": "no-store", ...extra.headers },
  });
}

/** 400 naming the parameter that is wrong. */
export function badParameterResponse(param: string, message: string): Response {
  return apiErrorResponse(400, "bad_parameter", `${param}: ${message}`, { param });
}

export interface ErrorResponseOptions {
  /** Where unexpected errors are reported (server-side only). */
  log?: (message: string) => void;
  /** Text that must never reach a log line (the account code). */
  secrets?: readonly string[];
}

/** Maps anything thrown below a route handler to the envelope and a fitting status. */
export function errorToResponse(error: unknown, opts: ErrorResponseOptions = {}): Response {
  if (isUpstreamError(error)) return upstreamErrorResponse(error);
  if (
    error instanceof DOMException &&
    (error.name === "AbortError" || error.name === "TimeoutError")
  ) {
    return apiErrorResponse(504, "timeout", "the request was cancelled or took too long");
  }
  if (opts.log) {
    let text =
      error instanceof Error
        ? `${error.name}: ${error.message}\n${error.stack ?? ""}`
        : String(error);
    for (const secret of opts.secrets ?? []) text = redactSecret(text, secret);
    opts.log(`[api] unexpected error: ${text}`);
  }
  return apiErrorResponse(500, "internal_error", "internal error");
}

function upstreamErrorResponse(error: UpstreamError): Response {
  switch (error.kind) {
    case "unauthorized":
      return apiErrorResponse(
        502,
        "upstream_unauthorized",
        "the Voicenter account code was refused — check VOICENTER_CODE",
      );
    case "untrusted-ip":
      return apiErrorResponse(
        502,
        "upstream_untrusted_ip",
        `Voicenter does not trust this server's egress IP address${error.ip ? ` (${error.ip})` : ""}: add it to the trusted IP list of the Voicenter account`,
      );
    case "out-of-range":
      return apiErrorResponse(
        422,
        "upstream_out_of_range",
        "the upstream refused the date range: choose a more recent or shorter range",
      );
    case "rate-limited": {
      const seconds = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000));
      return apiErrorResponse(
        503,
        "upstream_rate_limited",
        `the Voicenter request budget is used up; try again in ${seconds} s`,
        { headers: { "retry-after": String(seconds) } },
      );
    }
    case "timeout":
      return apiErrorResponse(504, "upstream_timeout", "the Voicenter API did not answer in time");
    case "network":
      return apiErrorResponse(502, "upstream_unreachable", "could not reach the Voicenter API");
    case "http":
      return apiErrorResponse(
        502,
        "upstream_failed",
        `the Voicenter API failed${error.status ? ` (HTTP ${error.status})` : ""}`,
      );
    case "malformed":
      return apiErrorResponse(
        502,
        "upstream_malformed",
        "the Voicenter API sent an unreadable answer",
      );
    case "upstream":
      return apiErrorResponse(
        502,
        "upstream_error",
        `the Voicenter API answered with error ${error.errorNumber ?? "?"}`,
      );
  }
}
