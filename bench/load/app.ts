import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

import { BENCH_ACCESS_ENV, BENCH_AUTHORIZATION } from "../server/access";

/**
 * A Callboard server as production runs it (scripts/start.mjs: the standalone build), on a
 * free loopback port, in its own process group; stopped whatever happened.
 */

export interface RunningApp {
  origin: string;
  child: ChildProcess;
  /** The bench's admin API token, as a request header (live mode is closed without one). */
  headers: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export function assertBuilt(root: string): void {
  if (!existsSync(join(root, ".next", "standalone", "server.js"))) {
    throw new Error("no standalone build: run `npx next build` first");
  }
}

export async function startApp(root: string, env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...BENCH_ACCESS_ENV,
      CALLBOARD_BASE_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  // the end of what it wrote to stderr, for the error when it ends early
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone already
    }
    await exited;
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server ended (exit code ${child.exitCode}): ${stderr.trim()}`);
    }
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { origin, child, headers: BENCH_AUTHORIZATION, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the server did not answer within 90 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
