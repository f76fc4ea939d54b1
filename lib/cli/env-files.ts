import { existsSync } from "node:fs";

/**
 * The `.env` files `next start` reads, in its order of precedence, for the command-line tools
 * (`npm run db`, `npm run users`), so they open the database the server opens. A variable
 * already set is never overwritten.
 */
export function loadNextEnvFiles(): void {
  for (const file of [".env.production.local", ".env.local", ".env.production", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}
