import "server-only";

import { serverEnv } from "@/lib/server/env";

import { closeDatabase, getDatabaseHandle } from "./connection";
import { describeDatabaseError, secretsOfUrl } from "./errors";

/**
 * Opens the database as the server starts (instrumentation.ts), so a second process on the
 * same embedded directory, or an unreachable PostgreSQL, stops the server with one sentence
 * instead of failing its first requests. Closes it on SIGTERM/SIGINT (PGlite flushes).
 */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    const handle = await getDatabaseHandle();
    console.log(`Callboard: database ${handle.kind} at ${handle.location}`);
  } catch (error) {
    const secrets = secretsOfUrl(serverEnv().DATABASE_URL);
    console.error(`Callboard cannot start. ${describeDatabaseError(error, secrets)}`);
    process.exit(1);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void closeDatabase());
  }
}
