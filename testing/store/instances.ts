import { spawn, type ChildProcess } from "node:child_process";

import { LIVE_TEST_TOKEN } from "../live-token";

/** App instances (testing/store/app-instance.ts) as child processes, for the multi-instance tests. */

export interface AppInstance {
  origin: string;
  child: ChildProcess;
  output: () => string;
  /** The admin token's header, for requests made other than through get/post. */
  headers: Readonly<Record<string, string>>;
  get(path: string, signal?: AbortSignal): Promise<{ status: number; body: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Live mode is closed without a sign-in method: the instances accept one admin API token. */
const ACCESS_ENV = {
  CALLBOARD_API_TOKENS: `admin:${LIVE_TEST_TOKEN}`,
  CALLBOARD_AUTH_SECRET: "instances-test-auth-secret-0123456789abcdef",
  CALLBOARD_BASE_URL: "http://127.0.0.1",
};
const AUTHORIZATION = { authorization: `Bearer ${LIVE_TEST_TOKEN}` };

export function startInstance(env: Record<string, string>): Promise<AppInstance> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "testing/store/app-instance.ts"],
    {
      env: { ...process.env, NODE_OPTIONS: "", ...ACCESS_ENV, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no READY within 60 s: ${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const port = /READY (\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        child,
        output: () => output,
        headers: AUTHORIZATION,
        async get(path, signal) {
          const response = await fetch(`${origin}${path}`, { signal, headers: AUTHORIZATION });
          return { status: response.status, body: (await response.json()) as unknown };
        },
        async post(path, body) {
          const response = await fetch(`${origin}${path}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...AUTHORIZATION },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as unknown };
        },
        async kill(signal = "SIGTERM") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
    child.once("exit", (code) => reject(new Error(`the instance ended (${code}): ${output}`)));
  });
}
