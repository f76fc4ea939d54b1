import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The production server (scripts/start.mjs: the standalone build) on a free loopback port
 * for the length of one piece of work, in demo mode with a database folder of its own;
 * stopped afterwards (its whole process group), whatever happened.
 */

const STOP_GRACE_MS = 5000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface NextServer {
  origin: string;
  /** False once the server process has ended (e.g. it could not start). */
  running: () => boolean;
}

export async function withNextStart<T>(
  root: string,
  work: (server: NextServer) => Promise<T>,
  /** Variables over the defaults (e.g. a data folder filled beforehand). */
  overrides: Record<string, string> = {},
): Promise<T> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "callboard-bench-app-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    VOICENTER_CODE: "",
    NODE_OPTIONS: "",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    CALLBOARD_DATA_DIR: dataDir,
    ...overrides,
  };
  // Its own process group, so stopping it stops anything it started.
  const child = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
    cwd: root,
    env,
    detached: true,
    stdio: "ignore",
  });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running = false;
      resolve();
    }),
  );
  try {
    return await work({ origin: `http://127.0.0.1:${port}`, running: () => running });
  } finally {
    if (running) {
      stopGroup(child.pid, "SIGTERM");
      const stopped = await Promise.race([
        exited.then(() => true),
        sleep(STOP_GRACE_MS).then(() => false),
      ]);
      if (!stopped) stopGroup(child.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
