import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { DatabaseLockedError } from "../errors";
import { acquireDataDirLock } from "./lock";

let root: string;
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "callboard-lock-"));
  dir = join(root, "pglite");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

function writeLock(owner: object | string, ageMs = 0): void {
  const path = `${dir}.lock`;
  writeFileSync(path, typeof owner === "string" ? owner : JSON.stringify(owner));
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

function lockOwner(): { pid: number } {
  return JSON.parse(readFileSync(`${dir}.lock`, "utf8")) as { pid: number };
}

/** A process that is alive for the test's length (and not ours). */
function liveProcess(): number {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  children.push(child);
  if (child.pid === undefined) throw new Error("could not start sleep");
  return child.pid;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return Number(spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" }).stdout.trim());
}

describe("the data directory's lock", () => {
  it("is taken with this process's pid and released on close", () => {
    const lock = acquireDataDirLock(dir);
    expect(lockOwner().pid).toBe(process.pid);
    lock.release();
    expect(() => readFileSync(`${dir}.lock`)).toThrow();
    acquireDataDirLock(dir).release();
  });

  it("stops a second opener with a sentence naming the holder and what to do", () => {
    const pid = liveProcess();
    writeLock({ pid, host: hostname(), since: "2024-06-01T08:00:00.000Z" });
    let error: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseLockedError);
    const message = (error as Error).message;
    expect(message).toContain(`in use by process ${pid} on this machine`);
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain(`delete ${dir}.lock`);
    expect(lockOwner().pid).toBe(pid);
  });

  it("takes over a lock whose process has died", () => {
    writeLock({ pid: deadPid(), host: hostname(), since: "2024-06-01T08:00:00.000Z" });
    const lock = acquireDataDirLock(dir);
    expect(lockOwner().pid).toBe(process.pid);
    lock.release();
  });

  it("trusts another host's lock while it is refreshed, and takes it over once abandoned", () => {
    writeLock({ pid: 1, host: "other-host", since: "2024-06-01T08:00:00.000Z" }, 1_000);
    expect(() => acquireDataDirLock(dir)).toThrow(/process 1 on other-host/);
    writeLock({ pid: 1, host: "other-host", since: "2024-06-01T08:00:00.000Z" }, 120_000);
    acquireDataDirLock(dir).release();
  });

  it("judges a half-written lock by its age", () => {
    writeLock("", 1_000);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another process/);
    writeLock("{", 120_000);
    acquireDataDirLock(dir).release();
  });

  it("lets exactly one of several processes recovering a stale lock at once win", async () => {
    writeLock({ pid: deadPid(), host: hostname(), since: "2024-06-01T08:00:00.000Z" });
    const go = join(root, "go");
    const outputs = Array.from({ length: 4 }, () => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "testing/database/lock-racer.ts", dir, go],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      children.push(child);
      let text = "";
      child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
      const until = (word: string) =>
        new Promise<void>((resolve) => {
          const check = () => (text.includes(word) ? resolve() : setTimeout(check, 5));
          check();
        });
      return { until, text: () => text };
    });
    await Promise.all(outputs.map((o) => o.until("ready")));
    writeFileSync(go, "");
    await Promise.all(outputs.map((o) => Promise.race([o.until("won"), o.until("lost")])));
    const won = outputs.filter((o) => o.text().includes("won"));
    expect(won).toHaveLength(1);
  });
});
