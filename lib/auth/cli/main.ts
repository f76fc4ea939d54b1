import { existsSync } from "node:fs";

import { runUsersCommand } from "./commands";
import { askHidden, readAll } from "./terminal";

/** `npm run users -- <command>` (see commands.ts), with the .env files `next start` reads. */

// next start's order of precedence; a variable already set is never overwritten
for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}

const code = await runUsersCommand(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  askPassword: askHidden,
  readStdin: readAll,
});
process.exit(code);
