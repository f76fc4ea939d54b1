import { cliEnvironment } from "@/lib/cli/env-files";

import { runDbCommand } from "./commands";

/** `npm run db -- <command>` (see commands.ts), with the .env files `next start` reads. */

const code = await runDbCommand(process.argv.slice(2), {
  env: cliEnvironment(),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
process.exit(code);
