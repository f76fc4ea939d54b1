import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

import { errorText } from "../report";
import { BENCH_ACCESS_ENV } from "./access";
import type { ChildMessage, ScenarioName, ScenarioResult } from "./results";

const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ScenarioOptions {
  /** The upstream: the counting simulator's CDR endpoint and account code. */
  upstreamUrl: string;
  code: string;
  /** The `/api/calls` query string. */
  search: string;
  warmUpSearch?: string;
  /** `application/x-ndjson`: the answer streamed, as the dashboard asks for it. */
  accept?: string;
  timeoutMs: number;
}

export interface ScenarioRun<T> {
  result: T;
  /** What the server process wrote to stderr (warnings, logged errors), line by line. */
  stderr: string[];
}

const STDERR_LIMIT = 16_384;

/** Runs one scenario in a fresh Callboard process; kills it if it overruns `timeoutMs`. */
export function forkScenario<T extends ScenarioResult>(
  scenario: ScenarioName,
  options: ScenarioOptions,
): Promise<ScenarioRun<T>> {
  const child = fork(CHILD, [scenario], {
    cwd: PROJECT_ROOT,
    execArgv: ["--expose-gc", "--conditions=react-server", "--import", "tsx"],
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      ...BENCH_ACCESS_ENV,
      CALLBOARD_BASE_URL: "http://127.0.0.1",
      VOICENTER_CODE: options.code,
      VOICENTER_API_URL: options.upstreamUrl,
      VOICENTER_AUTH: "body",
      VOICENTER_RATE_LIMIT: "30",
      BENCH_SEARCH: options.search,
      BENCH_WARM_UP_SEARCH: options.warmUpSearch ?? "",
      BENCH_ACCEPT: options.accept ?? "",
    },
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  // Kept for the report rather than interleaved with it.
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk.toString("utf8");
  });
  const stderrLines = () =>
    stderr
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  return new Promise<ScenarioRun<T>>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish(() => reject(new Error(`gave up after ${options.timeoutMs / 1000} s`)));
    }, options.timeoutMs);
    // Settle once the process has gone, so the next benchmark does not share the CPU with it.
    let message: ChildMessage | undefined;
    child.once("message", (raw) => {
      message = raw as ChildMessage;
    });
    child.once("error", (error) => finish(() => reject(new Error(errorText(error)))));
    child.once("exit", (code, signal) =>
      finish(() => {
        const said = stderrLines().slice(-3).join(" / ");
        const context = said ? ` — stderr: ${said}` : "";
        if (message?.ok) resolve({ result: message.result as T, stderr: stderrLines() });
        else if (message) reject(new Error(message.error + context));
        else
          reject(
            new Error(`the server process ended (${signal ?? `exit code ${code}`})${context}`),
          );
      }),
    );
  });
}
