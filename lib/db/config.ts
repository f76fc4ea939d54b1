import "server-only";

import { resolve } from "node:path";

import type { ServerEnv } from "@/lib/server/env";

/** Which database Callboard opens: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | {
      kind: "pglite";
      /** PGlite's own directory (absolute), inside CALLBOARD_DATA_DIR. */
      dataDir: string;
      demo: boolean;
    };

/**
 * Demo mode (no VOICENTER_CODE) keeps its data in CALLBOARD_DATA_DIR/demo/, so trying the
 * demo never mixes sample users or audit entries into a real deployment's database.
 */
export function databaseConfig(
  env: Pick<ServerEnv, "DATABASE_URL" | "CALLBOARD_DATA_DIR" | "VOICENTER_CODE">,
): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  const demo = !env.VOICENTER_CODE;
  const root = resolve(env.CALLBOARD_DATA_DIR);
  return { kind: "pglite", dataDir: resolve(root, demo ? "demo" : ".", "pglite"), demo };
}
