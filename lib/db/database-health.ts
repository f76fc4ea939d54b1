import "server-only";

import { serverEnv } from "@/lib/server/env";

import { databaseConfig } from "./config";
import { getDatabaseHandle } from "./connection";
import { secretsOfUrl } from "./errors";
import { createHealthProbe, type DatabaseHealth } from "./health";

const slot = Symbol.for("callboard.databaseHealth");
const registry = globalThis as { [slot]?: ReturnType<typeof createHealthProbe> };

/** The process's database health (one probe per process, like the database itself). */
export function databaseHealth(): Promise<DatabaseHealth> {
  const env = serverEnv();
  registry[slot] ??= createHealthProbe(getDatabaseHandle, {
    kind: databaseConfig(env).kind,
    secrets: secretsOfUrl(env.DATABASE_URL),
  });
  return registry[slot].check();
}
