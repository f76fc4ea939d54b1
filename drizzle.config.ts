import { defineConfig } from "drizzle-kit";

/**
 * `npm run db:generate` writes a migration for every schema change into lib/db/migrations/
 * (offline: it diffs the schema against the snapshots in migrations/meta/, no database).
 * Callboard applies them itself when it opens the database, on PGlite and PostgreSQL alike.
 */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./lib/db/migrations",
  strict: true,
});
