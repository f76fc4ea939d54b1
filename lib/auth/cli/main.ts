import { cliEnvironment } from "@/lib/cli/env-files";

import { runUsersCommand } from "./commands";
import { askHidden, readAll } from "./terminal";

/** `npm run users -- <command>` (see commands.ts), with the .env files `next start` reads. */

const code = await runUsersCommand(process.argv.slice(2), {
  env: cliEnvironment(),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
  askPassword: askHidden,
  readStdin: readAll,
});
process.exit(code);
