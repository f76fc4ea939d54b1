import "server-only";

import * as z from "zod";

import { DEFAULT_API_URL, MAX_REQUESTS_PER_MINUTE } from "@/lib/voicenter/request";

/**
 * Every environment variable Callboard reads, validated once. A wrong value stops the
 * server with a message that names the variable (and never echoes a secret's value).
 */

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isPostgresUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
}

const intInRange = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const serverEnvSchema = z
  .object({
    VOICENTER_CODE: optionalText.refine((v) => v === undefined || /^[\x21-\x7e]{4,200}$/.test(v), {
      message: "must be 4–200 visible ASCII characters (the value is not shown here)",
    }),
    VOICENTER_API_URL: optionalText
      .transform((v) => v ?? DEFAULT_API_URL)
      .refine((v) => URL.canParse(v) && /^https?:/.test(v), {
        message: "must be an http(s) URL",
      }),
    VOICENTER_AUTH: optionalText.pipe(
      z.enum(["body", "bearer"], { error: 'must be "body" or "bearer"' }).default("body"),
    ),
    VOICENTER_RATE_LIMIT: intInRange(1, 600, MAX_REQUESTS_PER_MINUTE),
    VOICENTER_TIMEOUT_MS: intInRange(1000, 600_000, 30_000),
    CALLBOARD_TIMEZONE: optionalText
      .transform((v) => v ?? "Asia/Jerusalem")
      .refine(isTimeZone, { message: "must be an IANA time zone such as Asia/Jerusalem" }),
    DATABASE_URL: optionalText.refine((v) => v === undefined || isPostgresUrl(v), {
      message:
        "must be a PostgreSQL URL such as postgres://user:password@host:5432/callboard (the value is not shown here)",
    }),
    CALLBOARD_DATA_DIR: optionalText
      .transform((v) => v ?? "./.callboard")
      .refine((v) => !v.includes("\0"), { message: "must be a directory path" }),
    CALLBOARD_STORE: optionalText.pipe(
      z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
    ),
    CALLBOARD_SYNC_INTERVAL_S: intInRange(10, 3600, 60),
    CALLBOARD_SYNC_OVERLAP_MINUTES: intInRange(1, 1440, 30),
    CALLBOARD_BACKFILL_DAYS: intInRange(0, 3650, 90),
    CALLBOARD_RETENTION_DAYS: intInRange(1, 3650, 400),
    // Beyond this many calls the dashboard pages from the store (lib/paged/).
    CALLBOARD_PAGED_THRESHOLD: intInRange(1, 100_000_000, 100_000),
    // The most records the server groups into conversations at once (about 2 KB each).
    CALLBOARD_FIGURES_MAX_RECORDS: intInRange(1000, 20_000_000, 500_000),
    SIMULATOR_SEED: intInRange(0, 2 ** 31 - 1, 42),
    SIMULATOR_CALLS_PER_DAY: intInRange(1, 200_000, 3000),
  })
  .refine((env) => env.CALLBOARD_BACKFILL_DAYS <= env.CALLBOARD_RETENTION_DAYS, {
    path: ["CALLBOARD_BACKFILL_DAYS"],
    message:
      "must not exceed CALLBOARD_RETENTION_DAYS (the backfill would fetch what retention deletes)",
  });

export type ServerEnv = z.output<typeof serverEnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates an environment; throws an EnvError naming every wrong variable. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}
