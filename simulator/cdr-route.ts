import { DAY_MS } from "../lib/time/units";
import {
  ERROR_AUTHORIZATION,
  ERROR_OUT_OF_RANGE,
  ERROR_RATE_LIMITED,
  ERROR_UNTRUSTED_IP,
} from "../lib/voicenter/errors";
import { MAX_REQUEST_RANGE_DAYS, parseCdrRequest } from "../lib/voicenter/request";
import type { CallStore } from "./call-store";
import { accountCode, readCdrInput } from "./cdr-input";
import { invalidRequest, successAnswer, upstreamError, type JsonAnswer } from "./cdr-response";
import type { SimulatorConfig } from "./config";
import { serverErrorPage, type FaultInjector } from "./faults";
import { asSeenAt } from "./late-changes";
import { runQuery } from "./query";
import type { RateLimiter } from "./rate-limit";

/** The /hub/cdr endpoint: checks in the upstream's order (IP, code, rate, range), then the query. */

/** Longest range one request may ask for; longer is "Out of range" (the vendor's limit is unpublished). */
export const MAX_RANGE_DAYS = MAX_REQUEST_RANGE_DAYS;

export interface CdrRouteDeps {
  config: SimulatorConfig;
  store: CallStore;
  faults: FaultInjector;
  limiter: RateLimiter;
}

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
};

function json({ status, body }: JsonAnswer): Response {
  return new Response(body, { status, headers: JSON_HEADERS });
}

function plainIp(ip: string): string {
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

export function isTrusted(clientIp: string, trustedIps: readonly string[]): boolean {
  const ip = plainIp(clientIp);
  return trustedIps.some((trusted) => trusted === "*" || plainIp(trusted) === ip);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function handleCdr(
  request: Request,
  clientIp: string,
  deps: CdrRouteDeps,
): Promise<Response> {
  const { config, faults } = deps;
  const drawn = faults.nextRequest();
  if (drawn.latencyMs > 0) await sleep(drawn.latencyMs, request.signal);
  if (drawn.serverError !== undefined) {
    return new Response(serverErrorPage(drawn.serverError), {
      status: drawn.serverError,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }

  if (!isTrusted(clientIp, config.trustedIps))
    return json(upstreamError(ERROR_UNTRUSTED_IP, plainIp(clientIp)));

  const read = await readCdrInput(request);
  const code = accountCode(read.ok ? read.input : {}, request);
  if (code !== config.code) return json(upstreamError(ERROR_AUTHORIZATION));

  if (faults.takeRateLimitBurst() || !deps.limiter.admit(code))
    return json(upstreamError(ERROR_RATE_LIMITED));

  if (!read.ok) return json(invalidRequest(read.reason));
  const parsed = parseCdrRequest(read.input);
  if (!parsed.ok) {
    const badDates =
      parsed.missingDates === true || parsed.field === "fromdate" || parsed.field === "todate";
    return json(badDates ? upstreamError(ERROR_OUT_OF_RANGE) : invalidRequest(parsed.reason));
  }
  const { query } = parsed;
  const history = faults.current().historyDays;
  const beforeHistory = history > 0 && query.from < config.now() - history * DAY_MS;
  if (query.from > query.to || query.to - query.from > MAX_RANGE_DAYS * DAY_MS || beforeHistory) {
    return json(upstreamError(ERROR_OUT_OF_RANGE));
  }

  const now = config.now();
  const outcome = runQuery(query, { store: deps.store, publicBaseUrl: config.publicBaseUrl, now });
  if (!outcome.ok) return json(invalidRequest(outcome.reason));
  const changeRate = faults.current().lateChangeRate;
  const answer = successAnswer({
    totalHits: outcome.totalHits,
    calls:
      changeRate > 0
        ? outcome.calls.map((call) => asSeenAt(call, now, config.seed, changeRate))
        : outcome.calls,
    fields: query.fields,
    publicBaseUrl: config.publicBaseUrl,
    quirks: drawn.quirks,
    sequence: drawn.sequence,
  });
  return json({ status: answer.status, body: drawn.damage(answer.body) });
}
