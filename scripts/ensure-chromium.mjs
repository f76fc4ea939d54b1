// Finds a Chromium for the e2e suite, installing Debian's package when running as root.
// Playwright's own browser download does not work on machines without internet access.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function found() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium() {
  const path = found();
  if (path) return path;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (isRoot && hasApt) {
    console.log("e2e: no Chromium found; installing Debian's chromium package…");
    execFileSync(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      ],
      {
        stdio: "inherit",
      },
    );
    const installed = found();
    if (installed) return installed;
  } else {
    console.log("e2e: no Chromium found; trying Playwright's installer…");
    const result = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
    if (result.status === 0) return undefined; // Playwright's own build; no executablePath needed
  }
  throw new Error(
    "No Chromium for the e2e tests: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary) and run again.",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium() ?? "playwright's chromium");
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
