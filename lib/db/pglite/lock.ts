import "server-only";

import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";

import { DatabaseLockedError } from "../errors";

/**
 * PGlite is single-writer: two processes on one data directory would corrupt it. The first
 * process creates `<dir>.lock` (exclusive create, atomic) holding its pid and host; a second
 * one stops with a sentence naming the holder. A lock left by a process that died is taken
 * over: on the same host when its pid is gone, from another host (a shared volume, a
 * recreated container) when the holder has not refreshed it for STALE_AFTER_MS.
 */

const REFRESH_MS = 5_000;
const STALE_AFTER_MS = 30_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Locks held by this process (path → release), so a second open from the same process is
 * refused too, and a process that exits without closing its databases still frees them.
 */
const heldHere = new Map<string, () => void>();
let exitHookInstalled = false;

function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => [...heldHere.values()].forEach((release) => release()));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): { owner: LockOwner | undefined; ageMs: number } | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let ageMs = 0;
  try {
    ageMs = Date.now() - statSync(path).mtimeMs;
  } catch {
    // vanished meanwhile: age 0 keeps it "live" for this round
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") {
      return { owner: { pid: parsed.pid, host: parsed.host, since: String(parsed.since) }, ageMs };
    }
  } catch {
    // a half-written lock (the writer died between create and write) is judged by its age
  }
  return { owner: undefined, ageMs };
}

function isStale(owner: LockOwner | undefined, ageMs: number): boolean {
  if (!owner) return ageMs > STALE_AFTER_MS;
  if (owner.host !== hostname()) return ageMs > STALE_AFTER_MS;
  // our own pid, yet not held here (see heldHere): a previous life of this pid, e.g. pid 1
  // in a restarted container
  if (owner.pid === process.pid) return true;
  return !processAlive(owner.pid);
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, unless another process got there first. Only the holder of
 * `<lock>.recover` (itself an exclusive create) may delete the main lock, and it re-reads
 * the lock under that guard, so two processes recovering at once cannot delete a fresh one.
 */
function recoverStale(path: string, seen: LockOwner | undefined): void {
  const guard = `${path}.recover`;
  if (!tryCreate(guard)) {
    const other = readOwner(guard);
    if (other && isStale(other.owner, other.ageMs)) rmSync(guard, { force: true });
    return;
  }
  try {
    const now = readOwner(path);
    if (now && isStale(now.owner, now.ageMs) && now.owner?.pid === seen?.pid) {
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(guard, { force: true });
  }
}

function lockedMessage(dir: string, path: string, owner: LockOwner | undefined): string {
  const who = owner
    ? `process ${owner.pid} on ${owner.host === hostname() ? "this machine" : owner.host} (since ${owner.since})`
    : "another process";
  return (
    `Callboard's embedded database in ${dir} is in use by ${who}. ` +
    `PGlite allows one process per data directory: stop that process, give this one another ` +
    `CALLBOARD_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between instances. ` +
    `If no such process runs, delete ${path}.`
  );
}

/** Takes the data directory's lock or throws DatabaseLockedError. */
export function acquireDataDirLock(dir: string): DataDirLock {
  const path = `${dir}.lock`;
  if (heldHere.has(path)) {
    throw new DatabaseLockedError(
      `Callboard's embedded database in ${dir} is already open in this process.`,
    );
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path)) return holdLock(path);
    const current = readOwner(path);
    if (current === undefined) continue; // released meanwhile
    if (!isStale(current.owner, current.ageMs)) {
      throw new DatabaseLockedError(lockedMessage(dir, path, current.owner));
    }
    recoverStale(path, current.owner);
  }
  throw new DatabaseLockedError(lockedMessage(dir, path, readOwner(path)?.owner));
}

function holdLock(path: string): DataDirLock {
  releaseAllOnExit();
  const refresh = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // the next open will judge it; nothing useful to do from a timer
    }
  }, REFRESH_MS);
  refresh.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(refresh);
    heldHere.delete(path);
    const current = readOwner(path);
    if (current?.owner?.pid === process.pid) rmSync(path, { force: true });
  };
  heldHere.set(path, release);
  return { path, release };
}
