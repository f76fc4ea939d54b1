import { isIP } from "node:net";
import * as z from "zod";

import { MAX_REQUESTS_PER_MINUTE } from "../lib/voicenter/request";

/** Test switches; every one is off by default and deterministic for a given seed. */
export interface SimulatorFaults {
  /** Delay before every /hub/cdr answer, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of /hub/cdr requests answered with an HTML HTTP 5xx page. */
  http5xxRate: number;
  /** Share (0..1) of successful answers whose JSON has a syntax error. */
  malformedJsonRate: number;
  /** Share (0..1) of successful answers whose JSON is cut short. */
  truncatedJsonRate: number;
  /** Answer this many requests (after the IP and code checks) with ERROR_NUMBER 1. */
  rateLimitBurst: number;
  /**
   * Answer every request after the first N with an HTTP 503 page (0 = off): a load whose
   * first page arrives and whose later windows fail — a partial result.
   */
  failAfterRequests: number;
  /**
   * Refuse (ERROR_NUMBER 5, "Out of range") a range starting more than this many days before
   * the simulator's now (0 = off), as an account whose history has a limit.
   */
  historyDays: number;
  /**
   * The quirks public clients report: lowercase keys, numbers as numeric strings,
   * DTMFData/CustomData as JSON text, RecordExpect as "1"/"0", the `Targetextension`
   * spelling, ERROR_NUMBER as "0" or absent.
   */
  quirks: boolean;
  /**
   * Share (0..1) of calls first sent without their recording link, or with a wrong status,
   * and corrected ten minutes later (simulator/late-changes.ts).
   */
  lateChangeRate: number;
}

export interface SimulatorConfig {
  /** The account code the simulator accepts (a secret in spirit: never printed). */
  code: string;
  seed: number;
  /** Client IPs allowed to call /hub/cdr; `*` allows any. */
  trustedIps: string[];
  /** Calls on a busy weekday (Sun–Thu in Israel); other days scale down from it. */
  callsPerDay: number;
  /** Requests per rolling minute per account code. */
  rateLimit: number;
  /**
   * Origin used to build RecordURL links, e.g. "http://127.0.0.1:4010". Empty: the
   * HTTP server's own URL (startSimulatorServer fills it in).
   */
  publicBaseUrl: string;
  faults: SimulatorFaults;
  /** The simulator's clock, epoch milliseconds. */
  now: () => number;
}

export const DEFAULT_SIMULATOR_PORT = 4010;
export const DEFAULT_SIMULATOR_HOST = "127.0.0.1";
export const DEFAULT_SIMULATOR_CODE = "demo";
export const DEFAULT_SIMULATOR_SEED = 42;
export const DEFAULT_CALLS_PER_DAY = 3000;
export const LOOPBACK_IPS: readonly string[] = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

export const NO_FAULTS: Readonly<SimulatorFaults> = {
  latencyMs: 0,
  http5xxRate: 0,
  malformedJsonRate: 0,
  truncatedJsonRate: 0,
  rateLimitBurst: 0,
  failAfterRequests: 0,
  historyDays: 0,
  quirks: false,
  lateChangeRate: 0,
};

export type SimulatorConfigOverrides = Partial<Omit<SimulatorConfig, "faults">> & {
  faults?: Partial<SimulatorFaults>;
};

/** A complete configuration for in-process use (demo mode, tests). */
export function defaultSimulatorConfig(overrides: SimulatorConfigOverrides = {}): SimulatorConfig {
  const { faults, ...rest } = overrides;
  return {
    code: DEFAULT_SIMULATOR_CODE,
    seed: DEFAULT_SIMULATOR_SEED,
    trustedIps: [...LOOPBACK_IPS],
    callsPerDay: DEFAULT_CALLS_PER_DAY,
    rateLimit: MAX_REQUESTS_PER_MINUTE,
    publicBaseUrl: `http://${DEFAULT_SIMULATOR_HOST}:${DEFAULT_SIMULATOR_PORT}`,
    now: () => Date.now(),
    ...rest,
    faults: { ...NO_FAULTS, ...faults },
  };
}

// ---- Environment ----

const blankToUndefined = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = blankToUndefined(raw);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) {
        ctx.addIssue({
          code: "custom",
          message: `must be a whole number from ${min} to ${max} (got "${v}")`,
        });
        return z.NEVER;
      }
      return n;
    });

const rate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = blankToUndefined(raw);
    if (v === undefined) return 0;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      ctx.addIssue({ code: "custom", message: `must be a number from 0 to 1 (got "${v}")` });
      return z.NEVER;
    }
    return n;
  });

const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = blankToUndefined(raw)?.toLowerCase();
    if (v === undefined || v === "0" || v === "false") return false;
    if (v === "1" || v === "true") return true;
    ctx.addIssue({ code: "custom", message: `must be 1, true, 0 or false (got "${raw}")` });
    return z.NEVER;
  });

const envSchema = z.object({
  SIMULATOR_PORT: wholeNumber(0, 65535, DEFAULT_SIMULATOR_PORT),
  SIMULATOR_HOST: z
    .string()
    .optional()
    .transform((v) => blankToUndefined(v) ?? DEFAULT_SIMULATOR_HOST)
    .refine((v) => /^[\w.:-]+$/.test(v), { message: "must be a host name or an IP address" }),
  SIMULATOR_CODE: z
    .string()
    .optional()
    .transform((v) => blankToUndefined(v) ?? DEFAULT_SIMULATOR_CODE)
    .refine((v) => /^[\x21-\x7e]{1,200}$/.test(v), {
      message: "must be 1–200 visible ASCII characters (the value is not shown here)",
    }),
  SIMULATOR_SEED: wholeNumber(0, 2 ** 31 - 1, DEFAULT_SIMULATOR_SEED),
  SIMULATOR_TRUSTED_IPS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = blankToUndefined(raw);
      if (v === undefined) return [...LOOPBACK_IPS];
      const ips = v
        .split(",")
        .map((ip) => ip.trim())
        .filter(Boolean);
      const bad = ips.filter((ip) => ip !== "*" && isIP(ip) === 0);
      if (bad.length > 0 || ips.length === 0) {
        ctx.addIssue({
          code: "custom",
          message: `must be a comma-separated list of IP addresses or * (not an IP: ${bad.join(", ") || "(empty)"})`,
        });
        return z.NEVER;
      }
      return ips;
    }),
  SIMULATOR_CALLS_PER_DAY: wholeNumber(1, 200_000, DEFAULT_CALLS_PER_DAY),
  SIMULATOR_RATE_LIMIT: wholeNumber(1, 100_000, MAX_REQUESTS_PER_MINUTE),
  SIMULATOR_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => blankToUndefined(v))
    .refine((v) => v === undefined || (URL.canParse(v) && /^https?:\/\//.test(v)), {
      message: "must be an http(s) URL such as http://127.0.0.1:4010",
    }),
  SIMULATOR_NOW: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const v = blankToUndefined(raw);
      if (v === undefined) return undefined;
      const ms = Date.parse(v);
      if (Number.isNaN(ms)) {
        ctx.addIssue({
          code: "custom",
          message: `must be an ISO-8601 instant such as 2024-06-12T10:00:00Z (got "${v}")`,
        });
        return z.NEVER;
      }
      return ms;
    }),
  SIMULATOR_LATENCY_MS: wholeNumber(0, 600_000, 0),
  SIMULATOR_HTTP_5XX_RATE: rate,
  SIMULATOR_MALFORMED_RATE: rate,
  SIMULATOR_TRUNCATED_RATE: rate,
  SIMULATOR_RATE_LIMIT_BURST: wholeNumber(0, 1_000_000, 0),
  SIMULATOR_FAIL_AFTER: wholeNumber(0, 1_000_000, 0),
  SIMULATOR_HISTORY_DAYS: wholeNumber(0, 100_000, 0),
  SIMULATOR_QUIRKS: flag,
  SIMULATOR_LATE_CHANGE_RATE: rate,
});

export interface SimulatorEnv {
  port: number;
  host: string;
  config: SimulatorConfig;
}

/**
 * Reads the standalone simulator's settings from an environment. A wrong value throws an
 * Error naming every wrong variable and what is wrong with it.
 */
export function simulatorConfigFromEnv(
  env: Record<string, string | undefined>,
  realNow: () => number = () => Date.now(),
): SimulatorEnv {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid simulator environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const start = e.SIMULATOR_NOW;
  const bootedAt = realNow();
  // SIMULATOR_NOW sets where the clock starts; it then runs at real speed so rate limits recover.
  const now = start === undefined ? realNow : () => start + (realNow() - bootedAt);
  const config = defaultSimulatorConfig({
    code: e.SIMULATOR_CODE,
    seed: e.SIMULATOR_SEED,
    trustedIps: e.SIMULATOR_TRUSTED_IPS,
    callsPerDay: e.SIMULATOR_CALLS_PER_DAY,
    rateLimit: e.SIMULATOR_RATE_LIMIT,
    // With port 0 the address is known only once listening: startSimulatorServer fills it in.
    publicBaseUrl: (
      e.SIMULATOR_PUBLIC_URL ??
      (e.SIMULATOR_PORT === 0 ? "" : `http://${hostForUrl(e.SIMULATOR_HOST)}:${e.SIMULATOR_PORT}`)
    ).replace(/\/+$/, ""),
    now,
    faults: {
      latencyMs: e.SIMULATOR_LATENCY_MS,
      http5xxRate: e.SIMULATOR_HTTP_5XX_RATE,
      malformedJsonRate: e.SIMULATOR_MALFORMED_RATE,
      truncatedJsonRate: e.SIMULATOR_TRUNCATED_RATE,
      rateLimitBurst: e.SIMULATOR_RATE_LIMIT_BURST,
      failAfterRequests: e.SIMULATOR_FAIL_AFTER,
      historyDays: e.SIMULATOR_HISTORY_DAYS,
      quirks: e.SIMULATOR_QUIRKS,
      lateChangeRate: e.SIMULATOR_LATE_CHANGE_RATE,
    },
  });
  return { port: e.SIMULATOR_PORT, host: e.SIMULATOR_HOST, config };
}

function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
