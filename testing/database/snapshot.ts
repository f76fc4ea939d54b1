import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * A freshly initialised, empty PGlite data directory as a tarball (`dumpDataDir`). Every
 * test database starts from it (`loadDataDir`, ~0.5 s) instead of running initdb
 * (`PGlite.create()`, ~3–4 s), and still applies the migrations itself, so each test also
 * exercises them. Cached per PGlite version under node_modules/.cache/.
 */

const CACHE_DIR = join(process.cwd(), "node_modules", ".cache", "callboard");

function pgliteVersion(): string {
  // read by path: the package's exports do not include its package.json
  const manifest = join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The snapshot's path, building it first if this PGlite version has none yet. */
export async function initdbSnapshotPath(): Promise<string> {
  const path = join(CACHE_DIR, `pglite-initdb-${pgliteVersion()}.tar`);
  if (existsSync(path)) return path;
  const pg = await PGlite.create();
  try {
    const tarball = await pg.dumpDataDir("none");
    mkdirSync(CACHE_DIR, { recursive: true });
    // written aside, then renamed: a concurrent run never reads half a file
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await tarball.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await pg.close();
  }
  return path;
}

let loaded: Uint8Array<ArrayBuffer> | undefined;

/** The snapshot's bytes, read once per test process. */
export function readSnapshot(path: string): Uint8Array<ArrayBuffer> {
  loaded ??= new Uint8Array(readFileSync(path));
  return loaded;
}
