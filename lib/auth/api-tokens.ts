import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import type { ParseResult } from "@/lib/parse-result";

import { isRole, type Role } from "./roles";

/**
 * API tokens from CALLBOARD_API_TOKENS (`role:token,role:token`) for scripts and BI tools.
 * Only a digest of each token is kept, so the parsed configuration holds nothing that could
 * leak through a log line or an error.
 */
export interface EnvApiToken {
  /** Names the token in the audit trail and in logs without revealing it. */
  label: string;
  role: Role;
  digest: Buffer;
}

export const MIN_TOKEN_LENGTH = 32;
// Visible ASCII except the list's own separator.
const TOKEN_CHARS = /^[\x21-\x2b\x2d-\x7e]+$/;

export function digestToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

/**
 * Parses the variable's value. Messages name the entry by position and never quote it: a
 * misplaced colon could make the "role" part the token.
 */
export function parseApiTokens(text: string): ParseResult<EnvApiToken[]> {
  const tokens: EnvApiToken[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of text.split(",").entries()) {
    const at = `entry ${index + 1}`;
    const colon = entry.indexOf(":");
    const role = entry.slice(0, Math.max(colon, 0)).trim();
    const token = entry.slice(colon + 1).trim();
    if (colon < 0 || !isRole(role)) {
      return {
        ok: false,
        message: `${at} must be role:token with role viewer, supervisor or admin (the value is not shown here)`,
      };
    }
    if (token.length < MIN_TOKEN_LENGTH || !TOKEN_CHARS.test(token)) {
      return {
        ok: false,
        message: `${at}: the token must be at least ${MIN_TOKEN_LENGTH} visible characters without spaces or commas, e.g. from \`openssl rand -hex 32\` (the value is not shown here)`,
      };
    }
    const digest = digestToken(token);
    const key = digest.toString("hex");
    if (seen.has(key)) return { ok: false, message: `${at} repeats an earlier token` };
    seen.add(key);
    tokens.push({ label: `CALLBOARD_API_TOKENS #${index + 1} (${role})`, role, digest });
  }
  return { ok: true, value: tokens };
}

/** The token of an `Authorization: Bearer <token>` header, if it has one. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** The configured token `presented` is, compared in constant time against every one. */
export function findEnvToken(
  tokens: readonly EnvApiToken[],
  presented: string | undefined,
): EnvApiToken | undefined {
  if (presented === undefined) return undefined;
  const digest = digestToken(presented);
  let found: EnvApiToken | undefined;
  for (const token of tokens) {
    if (timingSafeEqual(token.digest, digest) && found === undefined) found = token;
  }
  return found;
}
