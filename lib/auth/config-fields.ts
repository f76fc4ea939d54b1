import "server-only";

import * as z from "zod";

import type { ParseResult } from "@/lib/parse-result";

/**
 * Readers of single access-control variables, each a zod field: empty or blank counts as
 * unset, and a wrong value becomes an issue on that variable with a message that says what
 * it must be (a secret's value is never part of it).
 */
export function envField<T>(parse: (text: string) => ParseResult<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const text = raw?.trim();
      if (!text) return undefined;
      const result = parse(text);
      if (result.ok) return result.value;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (message: string): ParseResult<never> => ({ ok: false, message });

/** Text that cannot be wrong once it is there (a client id or secret). */
export function anyText(text: string): ParseResult<string> {
  return ok(text);
}

export function secretText(minLength: number) {
  return (text: string): ParseResult<string> =>
    text.length >= minLength
      ? ok(text)
      : fail(
          `must be at least ${minLength} characters, e.g. from \`openssl rand -base64 32\` (the value is not shown here)`,
        );
}

export function wholeNumber(min: number, max: number) {
  return (text: string): ParseResult<number> => {
    const n = Number(text);
    return /^\d+$/.test(text) && n >= min && n <= max
      ? ok(n)
      : fail(`must be a whole number from ${min} to ${max}`);
  };
}

export function oneOf<const T extends string>(choices: readonly T[], hint = "") {
  return (text: string): ParseResult<T> =>
    (choices as readonly string[]).includes(text)
      ? ok(text as T)
      : fail(`must be ${choices.map((c) => `"${c}"`).join(", ")}${hint}`);
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** The public origin users reach Callboard at, e.g. https://callboard.example.com. */
export function publicOrigin(text: string): ParseResult<string> {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    return fail("must be the http(s) origin users open, e.g. https://callboard.example.com");
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    return fail(
      "must be an origin only (scheme, host, optional port) without a path, query or credentials",
    );
  }
  return ok(url.origin);
}

/** An OpenID Connect issuer: https, or http on loopback (a provider in a test). */
export function issuerUrl(text: string): ParseResult<string> {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (
    !url ||
    !(url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname)))
  ) {
    return fail(
      "must be the provider's https issuer URL, e.g. https://login.example.com/realms/corp",
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    return fail("must not carry credentials, a query or a fragment");
  }
  return ok(text);
}

// Headers whose meaning Callboard itself relies on: trusting a proxy's copy of them would
// let the proxy's client choose them.
const RESERVED_HEADERS = new Set(["authorization", "cookie", "host", "origin", "content-type"]);

export function headerName(text: string): ParseResult<string> {
  const name = text.toLowerCase();
  if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
    return fail("must be an HTTP header name such as X-Forwarded-User");
  }
  if (RESERVED_HEADERS.has(name))
    return fail(`cannot be ${name}: Callboard reads that header itself`);
  return ok(name);
}

/** Free text shown to people (a provider's name on the sign-in button). */
export function displayText(maxLength: number) {
  return (text: string): ParseResult<string> =>
    text.length <= maxLength ? ok(text) : fail(`must be at most ${maxLength} characters`);
}
