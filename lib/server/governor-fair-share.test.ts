import { describe, expect, it } from "vitest";

import { createFakeClock } from "@/testing/fake-clock";

import { createGovernor, type Governor } from "./governor";

/** The fair share: one caller may not hold more than half the minute's budget while others wait. */

function recorder(governor: Governor, now: () => number) {
  const starts: { owner: string; at: number }[] = [];
  const run = (owner: string, n: number) =>
    Array.from({ length: n }, () =>
      governor.run(
        () => {
          starts.push({ owner, at: now() });
          return Promise.resolve();
        },
        { owner },
      ),
    );
  return { starts, run };
}

/** Requests of `owner` started in the rolling minute ending at each start. */
function heldAt(starts: { owner: string; at: number }[], owner: string, windowMs = 61_000) {
  return starts.map(
    ({ at }) =>
      starts.filter((s) => s.owner === owner && s.at > at - windowMs && s.at <= at).length,
  );
}

describe("the governor's fair share of the budget", () => {
  it("lets a lone caller use the whole budget when nobody else waits", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    const { starts, run } = recorder(governor, clock.now);
    await Promise.all(run("export", 30));
    expect(starts).toHaveLength(30);
    expect(new Set(starts.map((s) => s.at)).size).toBe(1);
  });

  it("serves a second caller before the first takes more than half, though the first queued 100", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 30, now: clock.now, sleep: clock.sleep });
    const { starts, run } = recorder(governor, clock.now);
    const hog = run("hog", 100);
    const viewer = run("viewer", 20);
    await Promise.all([...hog, ...viewer]);

    const first = starts.slice(0, 30);
    expect(first.filter((s) => s.owner === "hog")).toHaveLength(15);
    expect(first.filter((s) => s.owner === "viewer")).toHaveLength(15);
    // While the viewer waited, the hog never held more than half a window.
    const lastViewer = starts.map((s) => s.owner).lastIndexOf("viewer");
    expect(Math.max(...heldAt(starts.slice(0, lastViewer + 1), "hog"))).toBeLessThanOrEqual(15);
    // Once the viewer is done, the hog may take the whole budget again.
    expect(Math.max(...heldAt(starts, "hog"))).toBe(30);
    expect(starts).toHaveLength(120);
  });

  it("lets a late caller in as soon as the budget frees, though one caller filled the window", async () => {
    // A clock whose sleeps wait for the test, so the late caller arrives while the queue waits.
    let time = Date.UTC(2024, 5, 12, 9);
    const sleepers: (() => void)[] = [];
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => sleepers.push(() => ((time += ms), resolve())));
    const governor = createGovernor({ rateLimitPerMinute: 30, now: () => time, sleep });
    const { starts, run } = recorder(governor, () => time);
    const hog = run("hog", 60);
    while (governor.stats().inWindow < 30 || sleepers.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(starts.every((s) => s.owner === "hog")).toBe(true);
    const late = run("late", 1);
    const all = Promise.all([...hog, ...late]);
    while (starts.length < 61) {
      sleepers.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await all;
    const lateIndex = starts.findIndex((s) => s.owner === "late");
    expect(starts[lateIndex]?.at).toBe((starts[0]?.at ?? 0) + 61_000);
    // In the new window the hog had its half before the late caller, not the whole of it.
    expect(lateIndex).toBe(30 + 15);
  });

  it("shares among three callers, none above half while others wait", async () => {
    const clock = createFakeClock();
    const governor = createGovernor({ rateLimitPerMinute: 10, now: clock.now, sleep: clock.sleep });
    const { starts, run } = recorder(governor, clock.now);
    await Promise.all([...run("a", 30), ...run("b", 5), ...run("c", 5)]);
    const firstWindow = starts.filter((s) => s.at === starts[0]?.at);
    expect(firstWindow.filter((s) => s.owner === "a")).toHaveLength(5);
    expect(firstWindow.filter((s) => s.owner === "b").length).toBeGreaterThan(0);
    const othersDone = Math.max(...starts.filter((s) => s.owner !== "a").map((s) => s.at));
    expect(
      Math.max(
        ...heldAt(
          starts.filter((s) => s.at <= othersDone),
          "a",
          61_000,
        ),
      ),
    ).toBeLessThanOrEqual(5);
  });
});
