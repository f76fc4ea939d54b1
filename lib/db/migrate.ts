import "server-only";

import { join } from "node:path";

/**
 * The one migration history (drizzle-kit generates it into lib/db/migrations/), read from
 * the project root at run time; next.config.mjs traces the folder into standalone builds.
 */
export function migrationsFolder(): string {
  return join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "migrations");
}
