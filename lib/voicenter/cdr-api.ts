import "server-only";

import type { Call } from "./call";
import { scrubSecret, UpstreamError } from "./cdr-api-errors";
import {
  ERROR_AUTHORIZATION,
  ERROR_OUT_OF_RANGE,
  ERROR_RATE_LIMITED,
  ERROR_UNTRUSTED_IP,
} from "./errors";
import { FIELD_NAMES, type FieldName } from "./fields";
import { parseLenientJson } from "./lenient-json";
import { buildCdrRequestBody, type CdrQuery } from "./request";
import { readCdrResponse, type RejectedRecord, type RejectedRecords } from "./response";

/**
 * What the client needs to reach the upstream. `UpstreamConfig` (lib/server/upstream.ts)
 * has this shape; it is restated structurally so the contract layer imports nothing above it.
 */
export interface CdrEndpoint {
  url: string;
  /** Account code: a secret, never logged or quoted. */
  code: string;
  auth: "body" | "bearer";
  fetch: typeof fetch;
  timeoutMs: number;
}

export interface CdrPage {
  totalHits: number;
  returnHits: number;
  calls: Call[];
  rejected: RejectedRecords;
  /** The unreadable records themselves (what could be read of them). */
  rejectedRecords?: RejectedRecord[];
}

/** Fields the data path itself relies on: dedupe by CallID, windows by Date. */
const ALWAYS_REQUESTED: readonly FieldName[] = ["CallID", "Date"];

function withRequiredFields(fields: readonly FieldName[]): FieldName[] {
  return [...new Set<FieldName>([...ALWAYS_REQUESTED, ...fields])];
}

/**
 * One upstream request: POST with the documented JSON body, the records read tolerantly.
 * Without `query.fields` every catalogued field is asked for (never none: the upstream's
 * answer to "no fields" is reported to differ in key casing).
 * Every failure becomes an {@link UpstreamError}; the caller's own abort is rethrown as is.
 */
export async function fetchCdrPage(
  upstream: CdrEndpoint,
  query: CdrQuery,
  opts: { signal?: AbortSignal } = {},
): Promise<CdrPage> {
  const fields = withRequiredFields(query.fields ?? FIELD_NAMES);
  const body = buildCdrRequestBody(
    { ...query, fields },
    upstream.auth === "body" ? upstream.code : undefined,
  );
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
  };
  if (upstream.auth === "bearer") headers.authorization = `Bearer ${upstream.code}`;

  const timeout = AbortSignal.timeout(upstream.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const seconds = Math.round(upstream.timeoutMs / 1000);

  let status: number;
  let contentType: string;
  let text: string;
  try {
    // Raced against the signal as well: an in-process fetch (demo mode) may not watch it.
    const response = await untilAborted(
      upstream.fetch(upstream.url, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal,
        cache: "no-store",
      }),
      signal,
    );
    status = response.status;
    contentType = response.headers.get("content-type") ?? "";
    text = await untilAborted(response.text(), signal);
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (timeout.aborted) {
      throw new UpstreamError("timeout", `the Voicenter API did not answer within ${seconds} s`);
    }
    throw new UpstreamError(
      "network",
      `could not reach the Voicenter API${networkCause(error, upstream.code)}`,
    );
  }
  return readPage(status, contentType, text, upstream.code);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function readPage(status: number, contentType: string, text: string, code: string): CdrPage {
  const json = parseBody(text);
  if (json.ok) {
    const read = readCdrResponse(json.value, ALWAYS_REQUESTED);
    if (read.kind === "error")
      throw errorFromNumber(read.errorNumber, read.description, status, code);
    if (status === 429) throw rateLimited(status);
    if (status >= 300) throw httpError(status);
    if (read.kind === "malformed") {
      throw new UpstreamError(
        "malformed",
        `the Voicenter API sent an unreadable answer: ${read.reason}`,
        {
          status,
        },
      );
    }
    return {
      totalHits: read.totalHits,
      returnHits: read.returnHits,
      calls: read.calls,
      rejected: read.rejected,
      rejectedRecords: read.rejectedRecords,
    };
  }
  if (status === 429) throw rateLimited(status);
  if (status >= 300) throw httpError(status);
  const what = looksLikeHtml(text, contentType)
    ? "an HTML page instead of JSON"
    : text.trim() === ""
      ? "an empty answer"
      : "JSON that could not be read (cut short or broken)";
  throw new UpstreamError("malformed", `the Voicenter API sent ${what} (HTTP ${status})`, {
    status,
  });
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return parseLenientJson(text);
  }
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(text);
}

function errorFromNumber(
  errorNumber: number,
  rawDescription: string,
  status: number,
  code: string,
): UpstreamError {
  const upstreamDescription = scrubSecret(rawDescription, code) || undefined;
  const details = { status, errorNumber, upstreamDescription };
  switch (errorNumber) {
    case ERROR_RATE_LIMITED:
      return new UpstreamError(
        "rate-limited",
        "the Voicenter API refused the request: too many requests this minute",
        details,
      );
    case ERROR_AUTHORIZATION:
      return new UpstreamError(
        "unauthorized",
        "the Voicenter API refused the account code",
        details,
      );
    case ERROR_UNTRUSTED_IP: {
      const ip = /\b(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)\b/i.exec(rawDescription)?.[1];
      return new UpstreamError(
        "untrusted-ip",
        `the Voicenter API does not trust this server's IP address${ip ? ` (${ip})` : ""}`,
        { ...details, ip },
      );
    }
    case ERROR_OUT_OF_RANGE:
      return new UpstreamError("out-of-range", "the Voicenter API refused the date range", details);
    default:
      return new UpstreamError(
        "upstream",
        `the Voicenter API answered with error ${errorNumber}${upstreamDescription ? `: ${upstreamDescription}` : ""}`,
        details,
      );
  }
}

function rateLimited(status: number): UpstreamError {
  return new UpstreamError(
    "rate-limited",
    "the Voicenter API refused the request: too many requests",
    {
      status,
    },
  );
}

function httpError(status: number): UpstreamError {
  return new UpstreamError("http", `the Voicenter API answered HTTP ${status}`, { status });
}

/** A short, code-free hint at why the connection failed (e.g. ECONNREFUSED, ENOTFOUND). */
function networkCause(error: unknown, code: string): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const errno =
    typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string"
      ? cause.code
      : undefined;
  return errno && /^[A-Z_]+$/.test(errno) ? ` (${scrubSecret(errno, code)})` : "";
}
