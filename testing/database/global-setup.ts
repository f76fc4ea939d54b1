import type { TestProject } from "vitest/node";

import { startPostgres } from "../../scripts/ensure-postgres.mjs";
import { initdbSnapshotPath } from "./snapshot";

/**
 * Vitest's global setup: one throwaway PostgreSQL server for the whole run (installed
 * first when missing and allowed; see scripts/ensure-postgres.mjs) and the PGlite initdb
 * snapshot. When PostgreSQL cannot be had, the reason is provided instead, and the
 * PostgreSQL half of every `describeEachDatabase` suite fails with it.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** postgres://… of the throwaway server, or "" when it could not start. */
    postgresUrl: string;
    postgresError: string;
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const [postgres, snapshot] = await Promise.allSettled([startPostgres(), initdbSnapshotPath()]);
  if (snapshot.status === "rejected") throw snapshot.reason;
  project.provide("pgliteSnapshot", snapshot.value);
  if (postgres.status === "fulfilled") {
    project.provide("postgresUrl", postgres.value.url);
    project.provide("postgresError", "");
    return () => postgres.value.stop();
  }
  const reason =
    postgres.reason instanceof Error ? postgres.reason.message : String(postgres.reason);
  project.provide("postgresUrl", "");
  project.provide("postgresError", reason);
  return () => undefined;
}
