import "server-only";

import { getDatabase } from "@/lib/db";
import { serverEnv } from "@/lib/server/env";

import { signInSettings } from "./auth-secret";
import { createCallboardAuth, type CallboardAuth } from "./better-auth";
import { authConfig } from "./config";

/**
 * The process's one Better Auth instance, built on first use after the database is open
 * (never at import: `next build` imports server modules). On globalThis, like the database:
 * pages, route handlers and the start-up code may load separate copies of this module.
 */
const slot = Symbol.for("callboard.auth");
const registry = globalThis as { [slot]?: Promise<CallboardAuth> };

export function getAuth(): Promise<CallboardAuth> {
  const existing = registry[slot];
  if (existing) return existing;
  const building = (async () => {
    const config = authConfig();
    const db = await getDatabase();
    const settings = await signInSettings(config, serverEnv().CALLBOARD_DATA_DIR);
    return createCallboardAuth({ db, config, ...settings });
  })();
  registry[slot] = building;
  // a failed build (database down) is tried again on the next request
  building.catch(() => {
    if (registry[slot] === building) registry[slot] = undefined;
  });
  return building;
}
