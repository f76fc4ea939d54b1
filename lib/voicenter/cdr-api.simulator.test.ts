import { describe, expect, it } from "vitest";

import { inProcessSimulator, type SimulatorConfigOverrides } from "@/testing/simulator";

import { fetchCdrPage, type CdrEndpoint } from "./cdr-api";
import { UpstreamError } from "./cdr-api-errors";
import type { CdrQuery } from "./request";

/** The client against the real simulator, in process: every answer the upstream can give. */

const CODE = "sim-code-4821";
/** A code the simulator has never seen and so can echo nowhere; it must not surface either. */
const CANARY = "canary-Wt5q-0xJ9";
const NOW = Date.UTC(2024, 5, 20, 12);
const QUERY: CdrQuery = {
  from: Date.UTC(2024, 5, 18, 6),
  to: Date.UTC(2024, 5, 18, 7),
  fields: ["Duration", "DialStatus", "RecordURL", "DTMFData", "CustomData", "RecordExpect"],
  sort: [{ field: "Date", order: "asc" }],
};

function simulated(
  overrides: SimulatorConfigOverrides = {},
  endpoint: Partial<CdrEndpoint> = {},
  clientIp = "127.0.0.1",
): CdrEndpoint {
  const { fetch } = inProcessSimulator(
    { code: CODE, now: () => NOW, publicBaseUrl: "http://sim.test", ...overrides },
    clientIp,
  );
  return {
    url: "http://sim.test/hub/cdr/",
    code: CODE,
    auth: "body",
    timeoutMs: 10_000,
    fetch,
    ...endpoint,
  };
}

async function failure(upstream: CdrEndpoint, query: CdrQuery = QUERY): Promise<UpstreamError> {
  const error = await fetchCdrPage(upstream, query).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  const e = error as UpstreamError;
  const everything = `${e.message} ${JSON.stringify(e)} ${e.stack ?? ""}`;
  expect(everything).not.toContain(CODE);
  expect(everything).not.toContain(CANARY);
  return e;
}

describe("fetchCdrPage against the simulator", () => {
  it("reads a page of calls, normalized", async () => {
    const page = await fetchCdrPage(simulated(), QUERY);
    expect(page.totalHits).toBeGreaterThan(0);
    expect(page.calls).toHaveLength(page.totalHits);
    expect(page.rejected.count).toBe(0);
    for (const call of page.calls) {
      expect(call.CallID).toBeTruthy();
      expect(call.Date).toMatch(/^2024-06-18T06:\d\d:\d\dZ$/);
      expect(Array.isArray(call.DTMFData)).toBe(true);
    }
  });

  it("reads the same calls when the simulator answers with the quirks seen in the wild", async () => {
    const plain = await fetchCdrPage(simulated(), QUERY);
    const quirky = await fetchCdrPage(simulated({ faults: { quirks: true } }), QUERY);
    expect(quirky.calls).toEqual(plain.calls);
  });

  it("authenticates with a bearer token too", async () => {
    const page = await fetchCdrPage(simulated({}, { auth: "bearer" }), QUERY);
    expect(page.totalHits).toBeGreaterThan(0);
  });

  it("maps a refused code to unauthorized, never quoting the code sent", async () => {
    expect((await failure(simulated({}, { code: CANARY }))).kind).toBe("unauthorized");
    expect((await failure(simulated({}, { code: CANARY, auth: "bearer" }))).kind).toBe(
      "unauthorized",
    );
  });

  it("maps an untrusted address to untrusted-ip, naming the address", async () => {
    const error = await failure(simulated({}, {}, "198.51.100.23"));
    expect(error).toMatchObject({ kind: "untrusted-ip", ip: "198.51.100.23", errorNumber: 4 });
  });

  it("maps the 31st request of a minute to rate-limited", async () => {
    const upstream = simulated({ rateLimit: 2 });
    await fetchCdrPage(upstream, QUERY);
    await fetchCdrPage(upstream, QUERY);
    expect(await failure(upstream)).toMatchObject({ kind: "rate-limited", errorNumber: 1 });
  });

  it("maps a range the upstream refuses to out-of-range", async () => {
    const backwards = { ...QUERY, from: QUERY.to, to: QUERY.from };
    expect((await failure(simulated(), backwards)).kind).toBe("out-of-range");
  });

  it.each([
    [{ http5xxRate: 1 }, "http"],
    [{ malformedJsonRate: 1 }, "malformed"],
    [{ truncatedJsonRate: 1 }, "malformed"],
    [{ rateLimitBurst: 1 }, "rate-limited"],
  ] as const)("maps the simulator fault %j to %s", async (faults, kind) => {
    expect((await failure(simulated({ faults }))).kind).toBe(kind);
  });

  it("gives up on a slow upstream after its timeout", async () => {
    const error = await failure(simulated({ faults: { latencyMs: 5_000 } }, { timeoutMs: 50 }));
    expect(error.kind).toBe("timeout");
  });
});
