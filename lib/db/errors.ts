import "server-only";

/** Another process holds the embedded database's directory (PGlite is single-writer). */
export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

/** The database cannot be reached or was closed; the message is safe to show and log. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** The fields PostgreSQL (and PGlite) put on an error, under node-postgres's names. */
export const POSTGRES_ERROR_FIELDS = [
  "code",
  "severity",
  "detail",
  "hint",
  "position",
  "internalPosition",
  "internalQuery",
  "where",
  "schema",
  "table",
  "column",
  "dataType",
  "constraint",
  "file",
  "line",
  "routine",
] as const;

/** An error from the worker-thread PGlite, carrying PostgreSQL's fields as node-postgres does. */
export class PostgresError extends Error {
  override name = "PostgresError";
  code?: string;
  severity?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The SQLSTATE of a database error (e.g. "23505" unique violation), wherever it sits:
 * Drizzle wraps driver errors in DrizzleQueryError with the original as `cause`.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The innermost error (the driver's), for its message. */
function rootCause(error: unknown): unknown {
  let e = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (e as { cause?: unknown } | null)?.cause;
    if (!cause) break;
    e = cause;
  }
  return e;
}

/**
 * Replaces every URL's user-info (`postgres://user:secret@host`) by `***@`, and a given
 * secret (the configured DATABASE_URL, its password) wherever it appears.
 */
export function redactDatabaseSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, "$1***@");
  for (const secret of secrets) if (secret.length >= 3) out = out.replaceAll(secret, "***");
  return out;
}

/** The secrets inside a DATABASE_URL that must never appear in a message: the URL, its password. */
export function secretsOfUrl(url: string | undefined): string[] {
  if (!url) return [];
  const secrets = [url];
  try {
    const parsed = new URL(url);
    if (parsed.password) secrets.push(parsed.password, decodeURIComponent(parsed.password));
  } catch {
    // not a URL: the whole value stays redacted
  }
  return secrets;
}

/**
 * One line for a log or a health answer: the SQLSTATE when there is one and the driver's
 * message, without the query's parameters (Drizzle's message lists them) or credentials.
 */
export function describeDatabaseError(error: unknown, secrets: readonly string[] = []): string {
  if (error instanceof DatabaseLockedError || error instanceof DatabaseUnavailableError) {
    return redactDatabaseSecrets(error.message, secrets);
  }
  const root = rootCause(error);
  const message = root instanceof Error ? root.message : String(root);
  const code = databaseErrorCode(error) ?? (root as { code?: unknown } | null)?.code;
  const prefix = typeof code === "string" && code ? `${code}: ` : "";
  return redactDatabaseSecrets(`${prefix}${message}`, secrets);
}
