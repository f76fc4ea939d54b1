import { existsSync } from "node:fs";

import { acquireDataDirLock } from "@/lib/db/pglite/lock";

/**
 * A child process for lock.test.ts: waits for the start signal (a file), tries to take the
 * lock of argv[2], prints "won" or "lost", and holds a won lock until the test is done.
 */
const [dir = "", go = ""] = process.argv.slice(2);
console.log("ready");
const wait = setInterval(() => {
  if (!existsSync(go)) return;
  clearInterval(wait);
  try {
    const lock = acquireDataDirLock(dir);
    console.log("won");
    setTimeout(() => lock.release(), 3_000);
  } catch {
    console.log("lost");
  }
}, 2);
