import "server-only";

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

import { getDatabase } from "@/lib/db";
import { databaseConfig } from "@/lib/db/config";
import { redactDatabaseSecrets, secretsOfUrl } from "@/lib/db/errors";
import {
  budgetPolicy,
  createMemoryLedger,
  type BudgetLedger,
  type BudgetPolicy,
} from "@/lib/server/budget-ledger";
import { serverEnv, type ServerEnv } from "@/lib/server/env";
import { createGovernor } from "@/lib/server/governor";
import { serverLogger } from "@/lib/server/log";
import { getUpstream } from "@/lib/server/upstream";
import { createUpstreamRequester, type UpstreamRequester } from "@/lib/server/upstream-requests";

import { createPostgresLedger } from "./budget/postgres-ledger";
import { abortableSleep, type StoreSettings } from "./context";
import { createLocalCoordination, createPostgresCoordination } from "./coordination";
import { createRequestLog, type RequestLog } from "./request-log";
import { createCallStore, type CallStore } from "./runtime";

/**
 * The process's upstream access and call store, created once (kept on globalThis: Next.js
 * loads separate copies of modules for proxy.ts, instrumentation and route handlers, and
 * there must be one governor, one budget and one sync per process).
 */

export function storeSettingsFromEnv(env: ServerEnv): StoreSettings {
  return {
    syncIntervalMs: env.CALLBOARD_SYNC_INTERVAL_S * 1000,
    overlapMs: env.CALLBOARD_SYNC_OVERLAP_MINUTES * 60_000,
    backfillDays: env.CALLBOARD_BACKFILL_DAYS,
    retentionDays: env.CALLBOARD_RETENTION_DAYS,
    deadlineMs: 90_000,
  };
}

export interface UpstreamAccess {
  requester: UpstreamRequester;
  ledger: BudgetLedger;
  policy: BudgetPolicy;
  instance: string;
}

interface ProcessSlot {
  access?: UpstreamAccess;
  requestLog?: RequestLog;
  store?: CallStore | null;
  started?: boolean;
}

const SLOT = Symbol.for("callboard.callStore");
const registry = globalThis as { [SLOT]?: ProcessSlot };
const slot = (): ProcessSlot => (registry[SLOT] ??= {});

function storeOn(env: ServerEnv): boolean {
  return env.CALLBOARD_STORE !== "off";
}

/** Everything that talks to the upstream goes through this one governor and budget. */
export function getUpstreamAccess(): UpstreamAccess {
  const s = slot();
  if (s.access) return s.access;
  const env = serverEnv();
  const upstream = getUpstream();
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const policy = budgetPolicy(upstream.rateLimitPerMinute);
  // several instances share one PostgreSQL database, so they share its budget
  const ledger =
    databaseConfig(env).kind === "postgres"
      ? createPostgresLedger(getDatabase, policy, instance)
      : createMemoryLedger(policy);
  const logger = serverLogger();
  const requestLog = storeOn(env)
    ? createRequestLog(getDatabase, instance, (message) => logger.warn(message))
    : undefined;
  const governor = createGovernor({ rateLimitPerMinute: policy.limit, ledger });
  const requester = createUpstreamRequester({
    upstream,
    governor,
    logger,
    record: requestLog ? (entry) => requestLog.record(entry) : undefined,
  });
  s.access = { requester, ledger, policy, instance };
  s.requestLog = requestLog;
  return s.access;
}

/** The call store, or undefined when CALLBOARD_STORE=off (the pure proxy). */
export function getCallStore(): CallStore | undefined {
  const s = slot();
  if (s.store !== undefined) return s.store ?? undefined;
  const env = serverEnv();
  if (!storeOn(env)) {
    s.store = null;
    return undefined;
  }
  const access = getUpstreamAccess();
  const log = serverLogger().child({ component: "store" });
  const config = databaseConfig(env);
  const secrets = secretsOfUrl(env.DATABASE_URL);
  const coordination =
    config.kind === "postgres"
      ? createPostgresCoordination({
          url: config.url,
          onError: (message) => log.warn(redactDatabaseSecrets(message, secrets)),
        })
      : createLocalCoordination();
  s.store = createCallStore({
    context: {
      database: getDatabase,
      requester: access.requester,
      now: Date.now,
      sleep: abortableSleep,
      log,
      instance: access.instance,
      settings: storeSettingsFromEnv(env),
    },
    coordination,
    requestLog: s.requestLog ?? createRequestLog(getDatabase, access.instance, (m) => log.warn(m)),
  });
  return s.store;
}

/**
 * Starts the sync (once it leads) as the server starts; stops it on SIGTERM/SIGINT. The
 * backfill runs in the background: the server answers at once.
 */
export function startCallStore(): void {
  const s = slot();
  const store = getCallStore();
  if (!store || s.started) return;
  s.started = true;
  store.start();
  // the database closes on these signals too (lib/db/start-up.ts): the last seconds of the
  // request log are not written then, rather than opening the database again
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void store.stop({ flush: false }));
  }
}
