import { existsSync } from "node:fs";

import { runDbCommand } from "./commands";

/** `npm run db -- <command>` (see commands.ts), with the .env files `next start` reads. */

// next start's order of precedence; a variable already set is never overwritten
for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}

const code = await runDbCommand(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
process.exit(code);
