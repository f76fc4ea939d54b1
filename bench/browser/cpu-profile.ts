import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession } from "playwright";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * `BENCH_CPU_PROFILE=<dir>`: the page's CPU profile of one step, written as
 * `<dir>/<name>.cpuprofile` (open it in Chromium's DevTools), and its ten heaviest functions
 * by self time as note lines. Without the variable the step runs unprofiled.
 */
export async function profiled<T>(
  cdp: CDPSession,
  name: string,
  step: () => Promise<T>,
): Promise<{ result: T; lines: string[] }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { result: await step(), lines: [] };
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const result = await step();
  const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  return { result, lines: heaviest(profile, name) };
}

function heaviest(profile: Profile, name: string): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    if (!node) continue;
    const frame = node.callFrame;
    const file = frame.url.split("/").pop() ?? "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return [
    `   · ${name}: CPU profile over ${Math.round(total)} ms; heaviest by self time:`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([key, spent]) => `       ${Math.round(spent)} ms  ${key}`),
  ];
}
