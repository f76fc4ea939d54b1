import { describe, expect, it } from "vitest";

import { inProcessSimulator } from "@/testing/simulator";

import { ApiError } from "./api-error";
import { createCallsService } from "./calls-service";
import type { UpstreamConfig } from "./upstream";

/** What one caller's use of the shared upstream budget may cost the others. */

const NOW = Date.UTC(2024, 5, 20, 12);
const DAY = 86_400_000;

/**
 * A service on the in-process simulator whose clock moves only when the test lets a sleeper
 * go, so a second caller can arrive while the first one's requests wait for the budget.
 */
function service(rateLimitPerMinute: number, callsPerDay: number) {
  const clock = { time: NOW, sleepers: [] as (() => void)[] };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => clock.sleepers.push(() => ((clock.time += ms), resolve())));
  const { fetch } = inProcessSimulator({ seed: 4, callsPerDay, rateLimit: 1e9, now: () => NOW });
  const upstream: UpstreamConfig = {
    mode: "demo",
    url: "http://simulator.internal/hub/cdr/",
    code: "demo",
    auth: "body",
    fetch,
    rateLimitPerMinute,
    timeoutMs: 10_000,
  };
  const calls = createCallsService({ upstream, now: () => clock.time, sleep });
  return { clock, calls };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("callers sharing the upstream budget", () => {
  it("a big load by one caller does not make another wait for all of it", async () => {
    const { clock, calls } = service(2, 10_000);
    const done: Record<string, number> = {};
    // Four busy days: about 40,000 calls, five requests at 2 a minute.
    const big = calls
      .getCalls({ from: Date.UTC(2024, 5, 9), to: Date.UTC(2024, 5, 13) }, { owner: "exporter" })
      .then(({ answer }) => ((done.exporter = clock.time), answer));
    // The viewer arrives once the exporter's windows are queued behind the budget.
    while (clock.sleepers.length === 0) await tick();
    const small = calls
      .getCalls(
        { from: Date.UTC(2024, 5, 18, 9), to: Date.UTC(2024, 5, 18, 10) },
        { owner: "viewer" },
      )
      .then(({ answer }) => ((done.viewer = clock.time), answer));
    const all = Promise.all([big, small]);
    while (done.exporter === undefined || done.viewer === undefined) {
      clock.sleepers.shift()?.();
      await tick();
    }
    const [bigAnswer, smallAnswer] = await all;
    expect(bigAnswer.summary).toMatchObject({ complete: true });
    expect(bigAnswer.summary.upstreamRequests).toBeGreaterThanOrEqual(5);
    expect(smallAnswer.summary).toMatchObject({ complete: true, upstreamRequests: 1 });
    // First come first served would put the viewer behind three more exporter requests
    // (two minutes); with the fair share it goes at the first free slot.
    expect(done.viewer).toBe(NOW + 61_000);
    expect(done.exporter).toBeGreaterThanOrEqual(NOW + 122_000);
  });

  it("limits look-ups of unknown calls per caller; known calls cost nothing", async () => {
    const { calls } = service(1_000, 200);
    const { answer } = await calls.getCalls({ from: NOW - 2 * DAY, to: NOW - DAY });
    const listed = JSON.parse(new TextDecoder().decode(Buffer.concat(answer.body))) as {
      calls: { CallID: string; HasRecording: boolean }[];
    };
    const known = listed.calls.find((c) => c.HasRecording)?.CallID ?? "";
    expect(known).not.toBe("");
    for (let i = 0; i < 10; i++) {
      await expect(
        calls.lookupRecordUrl(`nosuch${i}`, { owner: "curious" }),
      ).resolves.toBeUndefined();
    }
    const refused = await calls
      .lookupRecordUrl("nosuch10", { owner: "curious" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: "recording_lookup_limited", status: 429 });
    expect((refused as ApiError).headers["retry-after"]).toMatch(/^\d+$/);
    // Another caller has a budget of its own; a listed call needs no look-up at all.
    await expect(
      calls.lookupRecordUrl("nosuch10", { owner: "someone-else" }),
    ).resolves.toBeUndefined();
    const before = calls.stats().governor.requests;
    for (let i = 0; i < 20; i++) {
      await expect(calls.lookupRecordUrl(known, { owner: "curious" })).resolves.toMatch(/^http/);
    }
    expect(calls.stats().governor.requests).toBe(before);
  });
});
