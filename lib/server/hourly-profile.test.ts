import { describe, expect, it } from "vitest";

import { createProfileBuilder, cutsByProfile } from "./hourly-profile";

const T0 = Date.UTC(2024, 5, 12);
const H = 3_600_000;

describe("createProfileBuilder", () => {
  it("says nothing until it has seen half a day", () => {
    const builder = createProfileBuilder();
    builder.add([T0 + H], { from: T0, to: T0 + 6 * H });
    expect(builder.profile()).toBeUndefined();
  });

  it("learns calls per hour of the day, taking unseen hours as average", () => {
    const builder = createProfileBuilder();
    // 00:00–13:59: one call an hour at night, ten an hour from 08:00.
    const times: number[] = [];
    for (let h = 0; h < 14; h++) {
      for (let i = 0; i < (h >= 8 ? 10 : 1); i++) times.push(T0 + h * H + i * 60_000);
    }
    builder.add(times, { from: T0, to: T0 + 14 * H - 1000 });
    const profile = builder.profile();
    expect(profile).toHaveLength(24);
    const [night = 0, busy = 0, unseen = 0] = [profile?.[3], profile?.[9], profile?.[20]];
    expect(busy / night).toBeCloseTo(10, 5);
    expect(unseen).toBeGreaterThan(night);
    expect(unseen).toBeLessThan(busy);
  });

  it("never weighs an hour as empty", () => {
    const builder = createProfileBuilder();
    builder.add([T0 + 9 * H], { from: T0, to: T0 + 24 * H - 1000 });
    expect(Math.min(...(builder.profile() ?? []))).toBeGreaterThan(0);
  });
});

describe("cutsByProfile", () => {
  it("puts the cuts where the expected calls divide equally, on whole seconds", () => {
    const flat = Array.from({ length: 24 }, () => 1);
    const cuts = cutsByProfile({ from: T0, to: T0 + 24 * H - 1000 }, 4, flat);
    expect(cuts).toEqual([T0 + 6 * H, T0 + 12 * H, T0 + 18 * H]);
    const evening = Array.from({ length: 24 }, (_, h) => (h >= 18 ? 1 : 0));
    const [cut] = cutsByProfile({ from: T0, to: T0 + 24 * H - 1000 }, 2, evening);
    expect(cut).toBe(T0 + 21 * H);
  });
});
