import "server-only";

import { redactSecret } from "@/lib/voicenter/cdr-api-errors";

import { serverEnv } from "./env";

/** Where server-side code reports what an operator should see. */
export interface ServerLog {
  warn(message: string): void;
  error(message: string): void;
}

type Write = (level: "warn" | "error", line: string) => void;

const toConsole: Write = (level, line) => console[level](line);

/** The account code, when one is configured: the text no log line may contain. */
function accountSecrets(): string[] {
  try {
    const code = serverEnv().VOICENTER_CODE;
    return code ? [code] : [];
  } catch {
    return [];
  }
}

/**
 * A log that scrubs every secret (in any spelling: as sent, URL-encoded, JSON-escaped) from
 * each line before writing it.
 */
export function createServerLog(
  secrets: readonly string[] = accountSecrets(),
  write: Write = toConsole,
): ServerLog {
  const scrub = (text: string) => secrets.reduce((out, secret) => redactSecret(out, secret), text);
  return {
    warn: (message) => write("warn", scrub(message)),
    error: (message) => write("error", scrub(message)),
  };
}
