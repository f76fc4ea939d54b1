import "server-only";

import { badParameter } from "./api-error";

/** Ids Callboard and Better Auth make: UUIDs and random letters and digits. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * A path segment that names a stored row (a user, a token), checked before it reaches SQL:
 * a NUL or a megabyte of text is a bad parameter named, not a database error.
 */
export function pathId(name: string, value: string): string {
  if (!ID_PATTERN.test(value)) {
    throw badParameter(name, "must be 1–128 letters, digits, dashes or underscores");
  }
  return value;
}
