import { describe, expect, it } from "vitest";

import { UpstreamError } from "@/lib/voicenter/cdr-api-errors";
import { createFakeClock } from "@/testing/fake-clock";

import { createGovernor } from "./governor";

const rateLimited = () => new UpstreamError("rate-limited", "too many", { errorNumber: 1 });

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("createGovernor", () => {
  it("never starts more than the budget in any rolling minute, first come first served", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    const started: { id: number; at: number }[] = [];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, id) =>
        governor.run(() => {
          started.push({ id, at: clock.now() });
          return Promise.resolve(id);
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 100 }, (_, id) => id));
    expect(started.map((s) => s.id)).toEqual(results);
    for (let i = 30; i < started.length; i++) {
      expect((started[i]?.at ?? 0) - (started[i - 30]?.at ?? 0)).toBeGreaterThanOrEqual(60_000);
    }
    // 100 requests at 30 a minute take three further windows, not more.
    expect((started.at(-1)?.at ?? 0) - (started[0]?.at ?? 0)).toBeLessThan(4 * 61_000);
    const stats = governor.stats();
    expect(stats.requests).toBe(100);
    expect(stats.waits).toBeGreaterThanOrEqual(3);
    expect(stats.inWindow).toBeLessThanOrEqual(30);
  });

  it("keeps at most maxConcurrent requests in flight", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({
      rateLimitPerMinute: 100,
      maxConcurrent: 4,
      now: clock.now,
      sleep: clock.sleep,
    });
    const gates = Array.from({ length: 10 }, () => deferred());
    let inFlight = 0;
    let peak = 0;
    const all = Promise.all(
      gates.map((gate) =>
        governor.run(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await gate.promise;
          inFlight--;
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(governor.stats()).toMatchObject({ inFlight: 4, queued: 6 });
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    await all;
    expect(peak).toBe(4);
  });

  it("retries a rate-limited request after backing off, and counts every attempt", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    let calls = 0;
    const attempts: number[] = [];
    const value = await governor.run(
      () => (++calls < 3 ? Promise.reject(rateLimited()) : Promise.resolve("ok")),
      { onAttempt: () => attempts.push(clock.now()) },
    );
    expect(value).toBe("ok");
    // About 5 s after the first refusal (the vendor's hint), then twice that.
    expect(attempts.map((t) => t - (attempts[0] ?? 0))).toEqual([0, 5_000, 15_000]);
    expect(governor.stats()).toMatchObject({ requests: 3, retries: 2, rateLimitedAnswers: 2 });
  });

  it("rides out a burst of error-1 answers, doubling from 5 s to a minute, and then completes", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    const burst = 7;
    let refusals = 0;
    const attempts: number[] = [];
    const value = await governor.run(
      () =>
        refusals < burst ? (refusals++, Promise.reject(rateLimited())) : Promise.resolve("ok"),
      { onAttempt: () => attempts.push(clock.now()), notAfter: clock.now() + 10 * 60_000 },
    );
    expect(value).toBe("ok");
    const gaps = attempts.slice(1).map((t, i) => t - (attempts[i] ?? 0));
    expect(gaps).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(governor.stats()).toMatchObject({ requests: burst + 1, rateLimitedAnswers: burst });
  });

  it("stops retrying a burst once its deadline would pass, saying when to try again", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    let calls = 0;
    const started = clock.now();
    const error = await governor
      .run(() => (calls++, Promise.reject(rateLimited())), { notAfter: started + 30_000 })
      .catch((e: unknown) => e);
    // Attempts at 0, 5 and 15 s; the next would be at 35 s, past the deadline.
    expect(calls).toBe(3);
    expect(error).toMatchObject({ kind: "rate-limited" });
    expect((error as UpstreamError).retryAfterMs).toBeGreaterThan(0);
    expect(clock.now() - started).toBeLessThanOrEqual(30_000);
  });

  it("gives up after bounded rate-limit retries and says when to try again", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({
      rateLimitPerMinute: 30,
      maxRateLimitRetries: 2,
      now: clock.now,
      sleep: clock.sleep,
    });
    let calls = 0;
    const error = await governor
      .run(() => {
        calls++;
        return Promise.reject(rateLimited());
      })
      .catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe("rate-limited");
    expect((error as UpstreamError).retryAfterMs).toBeGreaterThan(0);
  });

  it("retries transient failures a couple of times, and fatal ones never", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    let flaky = 0;
    await expect(
      governor.run(() =>
        ++flaky < 3
          ? Promise.reject(new UpstreamError("http", "HTTP 503", { status: 503 }))
          : Promise.resolve(1),
      ),
    ).resolves.toBe(1);
    expect(flaky).toBe(3);

    let broken = 0;
    await expect(
      governor.run(() => {
        broken++;
        return Promise.reject(new UpstreamError("network", "down"));
      }),
    ).rejects.toMatchObject({ kind: "network" });
    expect(broken).toBe(3);

    let refused = 0;
    await expect(
      governor.run(() => {
        refused++;
        return Promise.reject(new UpstreamError("unauthorized", "bad code"));
      }),
    ).rejects.toMatchObject({ kind: "unauthorized" });
    expect(refused).toBe(1);
  });

  it("tells a request it cannot start before its deadline at once instead of queueing it", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 2, now: clock.now, sleep: clock.sleep });
    await governor.run(() => Promise.resolve());
    await governor.run(() => Promise.resolve());
    let ran = false;
    const error = await governor
      .run(
        () => {
          ran = true;
          return Promise.resolve();
        },
        { notAfter: clock.now() + 10_000 },
      )
      .catch((e: unknown) => e);
    expect(ran).toBe(false);
    expect(error).toMatchObject({ kind: "rate-limited" });
    expect((error as UpstreamError).retryAfterMs).toBeGreaterThan(10_000);
    expect(governor.retryAfterMs()).toBeGreaterThan(10_000);
  });

  it("drops a queued request whose caller gave up, without running it", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({
      rateLimitPerMinute: 30,
      maxConcurrent: 1,
      now: clock.now,
      sleep: clock.sleep,
    });
    const gate = deferred();
    const first = governor.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = governor.run(
      () => {
        ran = true;
        return Promise.resolve();
      },
      { signal: controller.signal },
    );
    controller.abort(new Error("viewer left"));
    await expect(second).rejects.toThrow("viewer left");
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(governor.stats()).toMatchObject({ requests: 1, queued: 0 });
  });
});
