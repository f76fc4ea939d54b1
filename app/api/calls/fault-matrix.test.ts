import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callsResponseSchema } from "@/lib/api/calls-response";
import { API_ERROR_CODES, apiErrorEnvelopeSchema, type ApiErrorCode } from "@/lib/api/error-codes";
import { getUpstream, type UpstreamConfig } from "@/lib/server/upstream";
import { NO_FAULTS, type SimulatorFaults } from "@/simulator/config";
import { installCallsService } from "@/testing/calls-service";
import { useProcessDatabase } from "@/testing/database/process-database";
import { createFakeClock } from "@/testing/fake-clock";
import { authorized, useLiveToken } from "@/testing/live-token";
import { loopbackSimulator, type SimulatorServer } from "@/testing/simulator";

/**
 * The fault matrix: the real /api/calls route in live mode against the simulator over HTTP,
 * with each of its switches, and the answer a user gets — a status and a registry code with
 * a sentence, or, for a load that broke halfway, a result that says it is incomplete. The
 * service's clock is fake, so back-offs take no time; the upstream's timeout is real (1 s).
 */

const CODE = "canary-Fault-Mx7-route";
const NOW = Date.UTC(2024, 5, 20, 12);
/** Tuesday and Wednesday: about 20,000 calls, more than one upstream page. */
const BIG = "from=2024-06-11T00:00:00Z&to=2024-06-13T00:00:00Z";
const HOUR = "from=2024-06-18T09:00:00Z&to=2024-06-18T10:00:00Z";

let simulator: SimulatorServer;
let distrusting: SimulatorServer;
let closedUrl = "";
let GET: (request: Request) => Promise<Response>;
let database: Awaited<ReturnType<typeof useProcessDatabase>>;
const tally: string[] = [];

beforeAll(async () => {
  const common = { code: CODE, seed: 21, callsPerDay: 10_000, now: () => NOW, rateLimit: 100_000 };
  simulator = await loopbackSimulator(common);
  distrusting = await loopbackSimulator({ ...common, trustedIps: ["198.51.100.7"] });
  const closed = await loopbackSimulator(common);
  closedUrl = `${closed.url}/hub/cdr/`;
  await closed.close();
  process.env.VOICENTER_CODE = CODE;
  process.env.VOICENTER_API_URL = `${simulator.url}/hub/cdr/`;
  process.env.VOICENTER_TIMEOUT_MS = "1000";
  process.env.VOICENTER_RATE_LIMIT = "600";
  useLiveToken("viewer");
  database = await useProcessDatabase("fault-matrix");
  GET = (await import("./route")).GET;
});

afterAll(async () => {
  await Promise.all([simulator.close(), distrusting.close(), database.close()]);
  console.log(`fault matrix: ${tally.length} cases — ${tally.join("; ")}`);
});

/** One case: these faults, a fresh service (no cache) on a fake clock, and one request. */
async function load(
  search: string,
  faults: Partial<SimulatorFaults> = {},
  upstream: Partial<UpstreamConfig> = {},
) {
  const clock = createFakeClock(NOW);
  const service = installCallsService({
    upstream: { ...getUpstream(), ...upstream },
    now: clock.now,
    sleep: clock.sleep,
  });
  simulator.simulator.setFaults(faults);
  try {
    const response = await GET(new Request(`http://localhost/api/calls?${search}`, authorized()));
    const text = await response.text();
    expect(text).not.toContain(CODE);
    expect(text).not.toContain("/recordings/");
    return { response, text, clock, service };
  } finally {
    simulator.simulator.setFaults(NO_FAULTS);
  }
}

function refusal(text: string, status: number, code: ApiErrorCode, sentence: RegExp) {
  const { error } = apiErrorEnvelopeSchema.parse(JSON.parse(text));
  expect(API_ERROR_CODES[error.code]).toBe(status);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(sentence);
  expect(error.message).not.toMatch(/127\.0\.0\.1:\d+|https?:\/\//);
  tally.push(`${code} ${status}`);
}

describe("fault matrix: each upstream fault, as the API answers it", () => {
  it.each<[string, number, ApiErrorCode, Partial<SimulatorFaults>, RegExp]>([
    [
      "latency beyond the timeout",
      504,
      "upstream_timeout",
      { latencyMs: 1500 },
      /did not answer in time/,
    ],
    [
      "HTTP 5xx on every request",
      502,
      "upstream_failed",
      { http5xxRate: 1 },
      /^the Voicenter API failed \(HTTP 5\d\d\)$/,
    ],
    [
      "malformed JSON",
      502,
      "upstream_malformed",
      { malformedJsonRate: 1 },
      /sent an unreadable answer/,
    ],
    [
      "truncated JSON",
      502,
      "upstream_malformed",
      { truncatedJsonRate: 1 },
      /sent an unreadable answer/,
    ],
    [
      "error 1 that does not end",
      503,
      "upstream_rate_limited",
      { rateLimitBurst: 1_000 },
      /budget is used up; try again in \d+ s/,
    ],
  ])("%s → %d %s", async (_what, status, code, faults, sentence) => {
    const { response, text } = await load(HOUR, faults);
    expect(response.status).toBe(status);
    refusal(text, status, code, sentence);
    if (code === "upstream_rate_limited")
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("error 2 (a wrong account code) → 502 upstream_unauthorized, naming the variable", async () => {
    const { response, text } = await load(HOUR, {}, { code: "not-the-right-code" });
    expect(response.status).toBe(502);
    expect(text).not.toContain("not-the-right-code");
    refusal(text, 502, "upstream_unauthorized", /account code was refused — check VOICENTER_CODE/);
  });

  it("error 4 (an untrusted IP) → 502 upstream_untrusted_ip, naming the IP the upstream saw", async () => {
    const { response, text } = await load(HOUR, {}, { url: `${distrusting.url}/hub/cdr/` });
    expect(response.status).toBe(502);
    refusal(
      text,
      502,
      "upstream_untrusted_ip",
      /egress IP address \(127\.0\.0\.1\).*trusted IP list/,
    );
  });

  it("error 5 (a range the upstream refuses) → 422 upstream_out_of_range", async () => {
    const { response, text } = await load(HOUR, { historyDays: 1 });
    expect(response.status).toBe(422);
    refusal(
      text,
      422,
      "upstream_out_of_range",
      /refused the date range: choose a more recent or shorter range/,
    );
  });

  it("the upstream unreachable → 502 upstream_unreachable", async () => {
    const { response, text } = await load(HOUR, {}, { url: closedUrl });
    expect(response.status).toBe(502);
    refusal(text, 502, "upstream_unreachable", /could not reach the Voicenter API/);
  });

  it("a burst of five error-1 answers is ridden out (5 s doubling) and the load completes", async () => {
    const { response, text, clock } = await load(HOUR, { rateLimitBurst: 5 });
    expect(response.status).toBe(200);
    const body = callsResponseSchema.parse(JSON.parse(text));
    expect(body).toMatchObject({ complete: true, upstreamRequests: 6 });
    expect(body.total).toBeGreaterThan(100);
    expect(clock.sleeps).toEqual([5_000, 10_000, 20_000, 40_000, 60_000]);
    tally.push("error-1 burst of 5 → 200 complete after 135 s of back-off");
  });

  it("a load that breaks after its first page answers incomplete, never as complete, and is not cached", async () => {
    // a page of 10,000 records can take over the 1 s the other cases allow on a busy machine
    // (it then timed out and the 503s that follow failed the whole load, rightly, with 502)
    const { response, text, service } = await load(
      BIG,
      { failAfterRequests: 1 },
      { timeoutMs: 30_000 },
    );
    expect(response.status).toBe(200);
    const body = callsResponseSchema.parse(JSON.parse(text));
    expect(body.complete).toBe(false);
    expect(body.calls.length).toBe(10_000);
    expect(body.upstreamTotal).toBeGreaterThan(15_000);
    expect(body.incompleteReason).toMatch(
      /^Showing 10,000 of about [\d,]+ calls, not all of them: .*HTTP 503/,
    );
    const again = await GET(new Request(`http://localhost/api/calls?${BIG}`, authorized()));
    expect(again.headers.get("x-callboard-cache")).not.toBe("cache");
    const complete = callsResponseSchema.parse(await again.json());
    expect(complete).toMatchObject({ complete: true, total: body.upstreamTotal });
    expect(service.stats().governor.requests).toBeGreaterThan(body.upstreamRequests);
    tally.push("a partial load → 200 complete:false with the reason");
  });

  it("a range the parameters refuse never reaches the upstream: 400 naming the parameter", async () => {
    const { response, text, service } = await load(
      "from=2023-04-18T09:00:00Z&to=2024-06-18T00:00:00Z",
    );
    expect(response.status).toBe(400);
    expect(apiErrorEnvelopeSchema.parse(JSON.parse(text)).error.param).toBe("to");
    refusal(text, 400, "bad_parameter", /^to: the range may span at most 400 days/);
    expect(service.stats().governor.requests).toBe(0);
  });
});
