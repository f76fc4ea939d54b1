import { describe, expect, it } from "vitest";

import { defaultSimulatorConfig, LOOPBACK_IPS, NO_FAULTS, simulatorConfigFromEnv } from "./config";

describe("simulatorConfigFromEnv", () => {
  it("has working defaults: loopback only, 3000 calls, 30 requests/minute, no faults", () => {
    const { port, host, config } = simulatorConfigFromEnv({});
    expect({ port, host }).toEqual({ port: 4010, host: "127.0.0.1" });
    expect(config).toMatchObject({
      code: "demo",
      seed: 42,
      trustedIps: [...LOOPBACK_IPS],
      callsPerDay: 3000,
      rateLimit: 30,
      publicBaseUrl: "http://127.0.0.1:4010",
      faults: NO_FAULTS,
    });
  });

  it("reads every variable", () => {
    const { port, host, config } = simulatorConfigFromEnv({
      SIMULATOR_PORT: "5000",
      SIMULATOR_HOST: "0.0.0.0",
      SIMULATOR_CODE: "abc123",
      SIMULATOR_SEED: "7",
      SIMULATOR_TRUSTED_IPS: "10.0.0.1, ::1",
      SIMULATOR_CALLS_PER_DAY: "12000",
      SIMULATOR_RATE_LIMIT: "5",
      SIMULATOR_PUBLIC_URL: "https://sim.example.com/",
      SIMULATOR_LATENCY_MS: "250",
      SIMULATOR_HTTP_5XX_RATE: "0.1",
      SIMULATOR_MALFORMED_RATE: "0.05",
      SIMULATOR_TRUNCATED_RATE: "0.02",
      SIMULATOR_RATE_LIMIT_BURST: "3",
      SIMULATOR_FAIL_AFTER: "2",
      SIMULATOR_HISTORY_DAYS: "400",
      SIMULATOR_QUIRKS: "true",
    });
    expect({ port, host }).toEqual({ port: 5000, host: "0.0.0.0" });
    expect(config).toMatchObject({
      code: "abc123",
      seed: 7,
      trustedIps: ["10.0.0.1", "::1"],
      callsPerDay: 12000,
      rateLimit: 5,
      publicBaseUrl: "https://sim.example.com",
      faults: {
        latencyMs: 250,
        http5xxRate: 0.1,
        malformedJsonRate: 0.05,
        truncatedJsonRate: 0.02,
        rateLimitBurst: 3,
        failAfterRequests: 2,
        historyDays: 400,
        quirks: true,
      },
    });
  });

  it("names the variable and the problem for a bad value, never echoing the code", () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ SIMULATOR_PORT: "70000" }, /SIMULATOR_PORT: must be a whole number from 0 to 65535/],
      [{ SIMULATOR_SEED: "-1" }, /SIMULATOR_SEED/],
      [{ SIMULATOR_TRUSTED_IPS: "1.2.3.4,localhost" }, /SIMULATOR_TRUSTED_IPS: .*localhost/],
      [{ SIMULATOR_HTTP_5XX_RATE: "1.5" }, /SIMULATOR_HTTP_5XX_RATE: must be a number from 0 to 1/],
      [{ SIMULATOR_QUIRKS: "yes please" }, /SIMULATOR_QUIRKS/],
      [{ SIMULATOR_PUBLIC_URL: "ftp://x" }, /SIMULATOR_PUBLIC_URL: must be an http\(s\) URL/],
      [{ SIMULATOR_NOW: "soon" }, /SIMULATOR_NOW/],
    ];
    for (const [env, message] of cases) expect(() => simulatorConfigFromEnv(env)).toThrow(message);
    expect(() => simulatorConfigFromEnv({ SIMULATOR_CODE: "has space" })).toThrow(/SIMULATOR_CODE/);
    expect(() => simulatorConfigFromEnv({ SIMULATOR_CODE: "has space" })).not.toThrow(/has space/);
  });

  it("starts the clock at SIMULATOR_NOW and lets it run", () => {
    let real = 1_000_000;
    const { config } = simulatorConfigFromEnv(
      { SIMULATOR_NOW: "2024-06-20T12:00:00Z" },
      () => real,
    );
    expect(config.now()).toBe(Date.UTC(2024, 5, 20, 12));
    real += 5000;
    expect(config.now()).toBe(Date.UTC(2024, 5, 20, 12) + 5000);
  });

  it("leaves the public URL to the server when the port is chosen at start (0)", () => {
    expect(simulatorConfigFromEnv({ SIMULATOR_PORT: "0" }).config.publicBaseUrl).toBe("");
  });
});

describe("defaultSimulatorConfig", () => {
  it("merges overrides, faults field by field", () => {
    const config = defaultSimulatorConfig({ seed: 9, faults: { quirks: true } });
    expect(config.seed).toBe(9);
    expect(config.faults).toEqual({ ...NO_FAULTS, quirks: true });
  });
});
