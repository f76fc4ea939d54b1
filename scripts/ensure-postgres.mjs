// A throwaway PostgreSQL server for the tests and benchmarks: finds Debian's `postgresql`
// binaries (installing the package when running as root, as ensure-chromium.mjs does for
// Chromium), starts a fresh cluster on a free loopback port and removes it afterwards.
// PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** @param {string} dir */
function binDirWith(dir) {
  return existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")) ? dir : undefined;
}

function found() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = binDirWith(join(root, version, "bin"));
    if (dir) return dir;
  }
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  return pgConfig.status === 0 ? binDirWith(pgConfig.stdout.trim()) : undefined;
}

/** The directory holding initdb and pg_ctl; installs Debian's package when it can. */
export function ensurePostgres() {
  const dir = found();
  if (dir) return dir;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("postgres: no PostgreSQL server found; installing Debian's postgresql package…");
    execFileSync(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql",
      ],
      { stdio: "inherit" },
    );
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    "No PostgreSQL server for the integration tests: install it with `sudo apt-get install -y postgresql` (its initdb and pg_ctl are looked for in /usr/lib/postgresql/<version>/bin or `pg_config --bindir`) and run again.",
  );
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Runs a PostgreSQL program as the cluster's owner; throws with its output when it fails.
 * @param {string} program
 * @param {string[]} args
 */
function runAsOwner(program, args) {
  const [command, fullArgs] = isRoot
    ? ["runuser", ["-u", "postgres", "--", program, ...args]]
    : [program, args];
  const result = spawnSync(command, fullArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${program.split("/").pop()} failed: ${output || result.error?.message}`);
  }
}

/**
 * @typedef {object} ThrowawayPostgres
 * @property {string} url postgres://postgres@127.0.0.1:<port>/postgres (trust, loopback only)
 * @property {number} port
 * @property {() => void} stop
 */

/**
 * Starts a fresh cluster (trust authentication, loopback only, no fsync: data is thrown
 * away) and resolves to `{ url, port, stop }`. `stop()` is also run if the process exits.
 * @returns {Promise<ThrowawayPostgres>}
 */
export async function startPostgres() {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), "callboard-pg-"));
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  runAsOwner(join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      runAsOwner(join(bin, "pg_ctl"), [
        "-D",
        data,
        "-l",
        join(dir, "log"),
        "-w",
        "-o",
        // a server zone other than UTC on purpose: Callboard's sessions must not depend on it
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c max_connections=200 -c TimeZone=Asia/Jerusalem`,
        "start",
      ]);
      break;
    } catch (error) {
      // another program may have taken the port between the probe and the start
      if (attempt >= 2) throw error;
    }
  }
  let stopped = false;
  /** @param {"fast" | "immediate"} mode */
  const stopNow = (mode) => {
    if (stopped) return;
    stopped = true;
    try {
      runAsOwner(join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const onExit = () => stopNow("immediate");
  process.once("exit", onExit);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      process.removeListener("exit", onExit);
      stopNow("fast");
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensurePostgres());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
