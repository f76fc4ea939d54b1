import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { addUsersWithCli, type TestLocalUser } from "./users-cli";

/**
 * The built app, served by the production start (scripts/start.mjs: the standalone server,
 * as the image runs it) with its own environment, for specs that need a
 * configuration the shared servers do not have (sign-in switched on). Started and stopped
 * by the spec, by its own process id.
 */
export interface AppServer {
  url: string;
  /** Everything the server printed, for assertions on its log. */
  output(): string;
  close(): Promise<void>;
}

export async function startAppServer(
  port: number,
  env: Record<string, string>,
  options: { users?: readonly TestLocalUser[] } = {},
): Promise<AppServer> {
  // its own embedded database: the shared servers hold ./.callboard (single-writer)
  const dataDir = mkdtempSync(join(tmpdir(), "callboard-e2e-app-"));
  const fullEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    CALLBOARD_DATA_DIR: dataDir,
    CALLBOARD_BACKFILL_DAYS: "1",
    ...env,
  };
  // local users are added before the server holds the database, as an operator would
  if (options.users?.length) addUsersWithCli(options.users, fullEnv);
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), ...fullEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not answer on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
