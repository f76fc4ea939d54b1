// The one production start command: `npm start`, `npm run demo`, the e2e servers and the
// container image all run the standalone build (`output: "standalone"`) through this file,
// so CI exercises exactly what the image runs. It serves with Callboard's own entry,
// serve.mjs (Next's request handler over node:http, which writes the socket's peer address
// that access control and per-caller limits trust) instead of Next's server.js. In a
// checkout it first puts the static files and serve.mjs beside the standalone server (as the
// Dockerfile copies them); in the image they sit there already. Which file serves is
// written once, here: ENTRY.
import { cpSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The file that serves, in the standalone folder (scripts/serve.mjs, copied there). */
export const ENTRY = "serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The standalone folder: this script's own when it was copied into it (the image), else the
 * build's in the checkout, with the static files copied in.
 * @returns {string}
 */
function standaloneDir() {
  if (existsSync(join(here, "server.js"))) return here;
  const root = resolve(here, "..");
  const dir = join(root, ".next", "standalone");
  if (!existsSync(join(dir, "server.js"))) {
    console.error(
      "Callboard cannot start: no standalone build (.next/standalone). Run `npx next build` first.",
    );
    process.exit(1);
  }
  // next start's .env files, read from the checkout (the standalone folder has none);
  // a variable already set is never overwritten
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    if (existsSync(join(root, file))) process.loadEnvFile(join(root, file));
  }
  // the data stays in the checkout, not in a build folder the next build replaces
  process.env.CALLBOARD_DATA_DIR ??= join(root, ".callboard");
  cpSync(join(root, ".next", "static"), join(dir, ".next", "static"), { recursive: true });
  cpSync(join(here, ENTRY), join(dir, ENTRY));
  if (existsSync(join(root, "public")))
    cpSync(join(root, "public"), join(dir, "public"), { recursive: true });
  return dir;
}

const dir = standaloneDir();
process.chdir(dir);
await import(pathToFileURL(join(dir, ENTRY)).href);
