import { errorText } from "../report";
import type { ChildMessage, ScenarioResult } from "./results";
import { memoryScenario, rangeScenario, viewersScenario } from "./scenarios";

/**
 * The Callboard server side of a benchmark, in a process of its own so its memory, cache
 * and upstream budget start fresh. Started by fork-scenario.ts with `--conditions=react-server`
 * (so `server-only` resolves to its empty module) and the upstream in VOICENTER_* variables.
 * Sends one ChildMessage to the parent and exits.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function run(): Promise<ScenarioResult> {
  const scenario = process.argv[2];
  const search = required("BENCH_SEARCH");
  switch (scenario) {
    case "range":
      return rangeScenario(search);
    case "viewers":
      return viewersScenario(search);
    case "memory":
      return memoryScenario(search, required("BENCH_WARM_UP_SEARCH"));
    default:
      throw new Error(`unknown scenario ${JSON.stringify(scenario)}`);
  }
}

function send(message: ChildMessage): void {
  if (process.send) process.send(message, () => process.exit(0));
  else {
    console.log(JSON.stringify(message));
    process.exit(0);
  }
}

run().then(
  (result) => send({ ok: true, result }),
  (error: unknown) => send({ ok: false, error: errorText(error) }),
);
