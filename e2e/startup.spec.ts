import { spawn } from "node:child_process";

import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";

/** Runs a command until it exits (or 60 s pass) and returns its exit code and output. */
function runToExit(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe("a wrong environment variable stops the process, naming it", () => {
  test("the app refuses to start with a bad CALLBOARD_TIMEZONE", async () => {
    const { code, output } = await runToExit(process.execPath, ["scripts/serve.mjs"], {
      PORT: "3399",
      CALLBOARD_TIMEZONE: "Mars/Olympus_Mons",
      VOICENTER_CODE: "",
    });
    expect(code).toBe(1);
    expect(output).toContain("CALLBOARD_TIMEZONE");
  });

  test("the app never echoes a bad account code", async () => {
    const { code, output } = await runToExit(process.execPath, ["scripts/serve.mjs"], {
      PORT: "3398",
      VOICENTER_CODE: "has spaces so is invalid",
    });
    expect(code).toBe(1);
    expect(output).toContain("VOICENTER_CODE");
    expect(output).not.toContain("has spaces");
  });

  test("the simulator refuses a bad SIMULATOR_RATE_LIMIT", async () => {
    const { code, output } = await runToExit("node_modules/.bin/tsx", ["simulator/main.ts"], {
      SIMULATOR_PORT: "4399",
      SIMULATOR_RATE_LIMIT: "lots",
    });
    expect(code).not.toBe(0);
    expect(output).toContain("SIMULATOR_RATE_LIMIT");
  });
});

test.describe("the database", () => {
  const port = (n: number) => String(E2E_PORTS.demo + 80 + n);

  test("/api/health reports the embedded database the demo server opened", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      database: { kind: "pglite", ok: true, latencyMs: expect.any(Number) as unknown },
    });
  });

  test("a second server on the same data directory stops with a sentence", async () => {
    const { code, output } = await runToExit("node_modules/.bin/next", ["start", "-p", port(1)], {
      VOICENTER_CODE: "",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/embedded database in .*demo\/pglite is in use by process \d+/);
  });

  test("a bad DATABASE_URL stops the server, naming it without echoing it", async () => {
    const { code, output } = await runToExit("node_modules/.bin/next", ["start", "-p", port(2)], {
      VOICENTER_CODE: "",
      DATABASE_URL: "mysql://callboard:Secr3t-in-url@db.internal/callboard",
    });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL");
    expect(output).not.toContain("Secr3t-in-url");
  });

  test("an unreachable PostgreSQL stops the server without its credentials", async () => {
    const { code, output } = await runToExit("node_modules/.bin/next", ["start", "-p", port(3)], {
      VOICENTER_CODE: "",
      DATABASE_URL: "postgres://callboard:Secr3t-in-url@127.0.0.1:9/callboard",
    });
    expect(code).toBe(1);
    expect(output).toContain("cannot open its PostgreSQL database at 127.0.0.1:9/callboard");
    expect(output).not.toContain("Secr3t-in-url");
  });
});
