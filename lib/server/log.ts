import "server-only";

import pino, { type DestinationStream, type Logger } from "pino";

import { redactSecret } from "@/lib/voicenter/cdr-api-errors";

import { serverEnv } from "./env";

/**
 * The server's structured log (pino, one JSON object per line on stdout). Every line is
 * scrubbed of the account code, in any spelling (as sent, URL-encoded, JSON-escaped), just
 * before it is written, whatever field it hides in.
 */

/** Where server-side code reports what an operator should see. */
export interface ServerLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The account code, when one is configured: the text no log line may contain. */
function accountSecrets(): string[] {
  try {
    const code = serverEnv().VOICENTER_CODE;
    return code ? [code] : [];
  } catch {
    return [];
  }
}

export interface LoggerOptions {
  secrets?: readonly string[];
  /** Default: process.stdout. */
  destination?: DestinationStream;
  level?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  // a message that quoted the code as JSON is escaped once more in the line: both spellings
  const secrets = (options.secrets ?? accountSecrets())
    .filter((s) => s !== "")
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  return pino(
    {
      level: options.level ?? "info",
      base: { app: "callboard" },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        streamWrite: (line) => secrets.reduce((out, secret) => redactSecret(out, secret), line),
      },
    },
    options.destination ?? process.stdout,
  );
}

const SLOT = Symbol.for("callboard.logger");
const registry = globalThis as { [SLOT]?: Logger };

/** The process's logger (one for proxy.ts and route handlers alike). */
export function serverLogger(): Logger {
  registry[SLOT] ??= createLogger();
  return registry[SLOT];
}

/** A ServerLog over a pino logger (default: the process's). */
export function createServerLog(logger: Logger = serverLogger()): ServerLog {
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
