import "server-only";

import type { DatabaseConfig } from "./config";
import type { DatabaseHandle } from "./database";
import { openPglite, type PgliteOpenOptions } from "./pglite/open";
import { openPostgres } from "./postgres/open";

export type OpenOptions = Pick<PgliteOpenOptions, "thread" | "workerPath" | "migrationsFolder">;

/** Opens and migrates the configured database. */
export function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  return config.kind === "postgres"
    ? openPostgres({ url: config.url, migrationsFolder: options.migrationsFolder })
    : openPglite({ dataDir: config.dataDir, ...options });
}
