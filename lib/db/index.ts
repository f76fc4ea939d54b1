/**
 * Callboard's database: `getDatabase()` (Drizzle, the same type on PGlite and PostgreSQL),
 * every table, and the helpers to read its errors. Server-only.
 */
import "server-only";

export { purgeAuditEventsBefore } from "./audit-purge";
export { closeDatabase, getDatabase, getDatabaseHandle } from "./connection";
export type { Database, DatabaseHandle, DatabaseKind } from "./database";
export { databaseHealth } from "./database-health";
export {
  DatabaseLockedError,
  DatabaseUnavailableError,
  databaseErrorCode,
  describeDatabaseError,
} from "./errors";
export type { DatabaseHealth } from "./health";
export * from "./schema";
