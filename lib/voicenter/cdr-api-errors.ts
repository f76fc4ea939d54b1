import "server-only";

/**
 * Typed failures of one upstream request. Every message here is safe to show an operator:
 * it never carries the account code (upstream text is scrubbed before it is quoted).
 */

export type UpstreamErrorKind =
  | "rate-limited"
  | "unauthorized"
  | "untrusted-ip"
  | "out-of-range"
  | "http"
  | "timeout"
  | "network"
  | "malformed"
  | "upstream";

export interface UpstreamErrorDetails {
  /** HTTP status the upstream answered with, when it answered. */
  status?: number;
  /** The upstream's ERROR_NUMBER, when it sent one. */
  errorNumber?: number;
  /** The upstream's own words (scrubbed, shortened), for operators. */
  upstreamDescription?: string;
  /** For `untrusted-ip`: the address the upstream saw, when it named one. */
  ip?: string;
  /** For `rate-limited`: how long the caller should wait before trying again. */
  retryAfterMs?: number;
}

export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  readonly kind: UpstreamErrorKind;
  readonly status?: number;
  readonly errorNumber?: number;
  readonly upstreamDescription?: string;
  readonly ip?: string;
  readonly retryAfterMs?: number;

  constructor(kind: UpstreamErrorKind, message: string, details: UpstreamErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.errorNumber = details.errorNumber;
    this.upstreamDescription = details.upstreamDescription;
    this.ip = details.ip;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isUpstreamError(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError;
}

/** Failures worth another attempt a moment later: the upstream or the path to it hiccuped. */
export function isTransientUpstreamError(error: unknown): boolean {
  if (!isUpstreamError(error)) return false;
  if (error.kind === "http") return error.status === undefined || error.status >= 500;
  return error.kind === "network" || error.kind === "malformed" || error.kind === "timeout";
}

const REDACTED = "[redacted]";
const MAX_QUOTED = 200;

/** Replaces every spelling of `secret` (as sent, URL-encoded, JSON-escaped, any casing). */
export function redactSecret(text: string, secret: string): string {
  if (secret === "") return text;
  let out = text;
  const spellings = new Set([
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  for (const spelling of spellings) {
    const pattern = new RegExp(spelling.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
    out = out.replace(pattern, REDACTED);
  }
  return out;
}

/**
 * Upstream text made fit to quote in a message: the secret removed, whitespace collapsed,
 * shortened.
 */
export function scrubSecret(text: string, secret: string): string {
  const out = redactSecret(text, secret).replace(/\s+/g, " ").trim();
  return out.length > MAX_QUOTED ? `${out.slice(0, MAX_QUOTED)}…` : out;
}
