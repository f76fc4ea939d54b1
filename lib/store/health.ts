import "server-only";

import { getDatabase } from "@/lib/db";
import { emptyUsage, type BudgetUsage } from "@/lib/server/budget-ledger";

import { getCallStore, getUpstreamAccess } from "./process";
import {
  coverageHealth,
  createReadingProbe,
  readStore,
  syncHealth,
  upstreamHealth,
  type StoreHealthReport,
  type StoreReading,
} from "./status";

/** The process's store and upstream health, for /api/health (one set of probes per process). */

const SLOT = Symbol.for("callboard.storeHealth");
interface Probes {
  reading: { read(): Promise<StoreReading | undefined> };
  budget: { read(): Promise<BudgetUsage | undefined> };
}
const registry = globalThis as { [SLOT]?: Probes };

function probes(): Probes {
  registry[SLOT] ??= {
    reading: createReadingProbe(async () => readStore(await getDatabase())),
    budget: createReadingProbe(() => getUpstreamAccess().ledger.usage(), 40, 1_000),
  };
  return registry[SLOT];
}

export async function storeHealthReport(now = Date.now()): Promise<StoreHealthReport> {
  const access = getUpstreamAccess();
  const store = getCallStore();
  const p = probes();
  const [reading, budget] = await Promise.all([
    store ? p.reading.read() : Promise.resolve(undefined),
    p.budget.read(),
  ]);
  const usage = budget ?? emptyUsage(access.policy);
  const settings = store?.context.settings;
  return {
    upstream: upstreamHealth(access.requester.lastOutcome(), reading?.state),
    budget: { ...usage, windowSeconds: Math.round(usage.windowMs / 1000) },
    sync:
      store && settings ? syncHealth(reading, settings, store.isLeader(), now) : { enabled: false },
    coverage: store && settings ? coverageHealth(reading, settings) : { enabled: false },
  };
}
