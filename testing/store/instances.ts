import { spawn, type ChildProcess } from "node:child_process";

/** App instances (testing/store/app-instance.ts) as child processes, for the multi-instance tests. */

export interface AppInstance {
  origin: string;
  child: ChildProcess;
  output: () => string;
  get(path: string, signal?: AbortSignal): Promise<{ status: number; body: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startInstance(env: Record<string, string>): Promise<AppInstance> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "testing/store/app-instance.ts"],
    { env: { ...process.env, NODE_OPTIONS: "", ...env }, stdio: ["ignore", "pipe", "pipe"] },
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
        async get(path, signal) {
          const response = await fetch(`${origin}${path}`, { signal });
          return { status: response.status, body: (await response.json()) as unknown };
        },
        async post(path, body) {
          const response = await fetch(`${origin}${path}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
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
