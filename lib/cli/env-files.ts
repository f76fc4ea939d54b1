import { existsSync } from "node:fs";

/**
 * The command-line tools' environment (`npm run db`, `npm run users`): the process's, with
 * the `.env` files `next start` reads, in its order of precedence, so they open the database
 * the server opens. A variable already set is never overwritten. Raw: each command validates
 * it with `parseServerEnv`, as the server validates its own.
 */
export function cliEnvironment(): Readonly<Record<string, string | undefined>> {
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
  return process.env;
}
