import { describe, expect, it } from "vitest";

import { createFakeClock } from "@/testing/fake-clock";

import { createCallerLimiter } from "./caller-limit";

describe("createCallerLimiter", () => {
  it("gives each caller its own budget per rolling minute", () => {
    const clock = createFakeClock();
    const limiter = createCallerLimiter({ limit: 10, now: clock.now });
    for (let i = 0; i < 10; i++) expect(limiter.take("alice")).toEqual({ ok: true });
    expect(limiter.take("alice")).toEqual({ ok: false, retryAfterMs: 60_000 });
    expect(limiter.take("bob")).toEqual({ ok: true });
    clock.advance(30_000);
    expect(limiter.take("alice")).toEqual({ ok: false, retryAfterMs: 30_000 });
    clock.advance(30_000);
    expect(limiter.take("alice")).toEqual({ ok: true });
  });
});
