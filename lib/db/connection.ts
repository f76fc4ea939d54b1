import "server-only";

import { serverEnv } from "@/lib/server/env";

import { databaseConfig } from "./config";
import type { Database, DatabaseHandle } from "./database";
import { openDatabase } from "./open";

/**
 * The process's one database, opened on first use — never at import, since `next build`
 * imports server modules. Kept on globalThis: Next.js loads separate copies of a module
 * for proxy.ts and for route handlers, and two PGlite instances on one directory would
 * not see each other's writes (and the second would be refused by the lock).
 */

const slot = Symbol.for("callboard.database");
type Slot = { opening?: Promise<DatabaseHandle> };
const registry = globalThis as { [slot]?: Slot };

function state(): Slot {
  return (registry[slot] ??= {});
}

/** The open database handle (kind, location, ping, close); opens it on first call. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const s = state();
  const current = s.opening;
  if (current) {
    // a handle whose PGlite worker died is replaced by a fresh one
    return current.then(async (handle) => {
      if (!handle.closed || s.opening !== current) return handle;
      await handle.close();
      if (s.opening === current) s.opening = undefined;
      return getDatabaseHandle();
    });
  }
  const opening = openDatabase(databaseConfig(serverEnv()));
  s.opening = opening;
  // a failed open is not cached: the next call tries again (e.g. PostgreSQL came up)
  opening.catch(() => {
    if (s.opening === opening) s.opening = undefined;
  });
  return opening;
}

/** Callboard's database (Drizzle), the same type on PGlite and PostgreSQL. */
export async function getDatabase(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Closes the database if it was opened (shutdown; tests). The next call opens it again. */
export async function closeDatabase(): Promise<void> {
  const s = state();
  const opening = s.opening;
  s.opening = undefined;
  if (!opening) return;
  const handle = await opening.catch(() => undefined);
  await handle?.close();
}
