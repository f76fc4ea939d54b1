import "server-only";

import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

import { DatabaseLockedError } from "../errors";
import { openPglite } from "../pglite/open";

/**
 * Backup and restore of the embedded database: PGlite's `dumpDataDir` writes the whole
 * data directory as one gzip'd tarball, taken while PGlite holds the directory exclusively,
 * so it is consistent. The server must be stopped first (the directory's lock says so).
 */

/** Writes a backup of `dataDir` to `file` (replacing it only once the backup is complete). */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  const handle = await openPglite({ dataDir, thread: "main" });
  try {
    const dump = handle.dumpDataDir ? await handle.dumpDataDir("gzip") : undefined;
    if (!dump) throw new Error("this database cannot be dumped");
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const partial = `${file}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return bytes.byteLength;
  } finally {
    await handle.close();
  }
}

/**
 * Restores a backup into `dataDir`, which must not hold a database yet (move the old one
 * away first). Applies this version's migrations, so an older backup is brought up to date.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} already holds a database: move it away (or choose another CALLBOARD_DATA_DIR) before restoring.`,
    );
  }
  const snapshot = new Uint8Array(readFileSync(file));
  try {
    const handle = await openPglite({ dataDir, thread: "main", snapshot });
    await handle.close();
  } catch (error) {
    // a half-restored directory would be mistaken for a database on the next start
    // (unless another process holds it: then nothing was written, and it is theirs)
    if (!(error instanceof DatabaseLockedError)) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
