import { loadNextEnvFiles } from "@/lib/cli/env-files";

import { runDbCommand } from "./commands";

/** `npm run db -- <command>` (see commands.ts), with the .env files `next start` reads. */

loadNextEnvFiles();

const code = await runDbCommand(process.argv.slice(2), {
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
process.exit(code);
