import "server-only";

import { eq, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import { callSyncState } from "@/lib/db/schema/call-store";

/** The sync's one row of state: where it stands, how it last went, who leads. */

const ID = "sync";

export interface BackfillProgress {
  /** How far back the backfill reaches (epoch ms). */
  horizon: number;
  /** Time in [horizon, synced edge) still not covered, in ms. */
  remainingMs: number;
  /** Covered so far, in ms. */
  coveredMs: number;
  done: boolean;
  /** Epoch ms. */
  updatedAt: number;
}

export interface SyncState {
  syncedTo?: number;
  lastCycleAt?: number;
  lastSuccessAt?: number;
  lastErrorAt?: number;
  lastError?: string;
  lastSweepAt?: number;
  lastRetentionAt?: number;
  leader?: string;
  leaderSince?: number;
  backfill?: BackfillProgress;
}

const ms = (d: Date | null) => (d ? d.getTime() : undefined);

export async function readSyncState(db: Pick<Database, "select">): Promise<SyncState> {
  const [row] = await db.select().from(callSyncState).where(eq(callSyncState.id, ID));
  if (!row) return {};
  const state: SyncState = {};
  const set = <K extends keyof SyncState>(key: K, value: SyncState[K] | undefined) => {
    if (value !== undefined) state[key] = value;
  };
  set("syncedTo", ms(row.syncedTo));
  set("lastCycleAt", ms(row.lastCycleAt));
  set("lastSuccessAt", ms(row.lastSuccessAt));
  set("lastErrorAt", ms(row.lastErrorAt));
  set("lastError", row.lastError ?? undefined);
  set("lastSweepAt", ms(row.lastSweepAt));
  set("lastRetentionAt", ms(row.lastRetentionAt));
  set("leader", row.leader ?? undefined);
  set("leaderSince", ms(row.leaderSince));
  set("backfill", (row.backfill as BackfillProgress | null) ?? undefined);
  return state;
}

export type SyncStateChange = {
  [K in keyof SyncState]?: SyncState[K] | null;
};

const COLUMNS = {
  syncedTo: "syncedTo",
  lastCycleAt: "lastCycleAt",
  lastSuccessAt: "lastSuccessAt",
  lastErrorAt: "lastErrorAt",
  lastError: "lastError",
  lastSweepAt: "lastSweepAt",
  lastRetentionAt: "lastRetentionAt",
  leader: "leader",
  leaderSince: "leaderSince",
  backfill: "backfill",
} as const;

/** Writes the given fields (null clears one); creates the row the first time. */
export async function updateSyncState(
  db: Pick<Database, "insert">,
  change: SyncStateChange,
): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    const column = COLUMNS[key as keyof typeof COLUMNS];
    if (value === undefined) continue;
    values[column] =
      typeof value === "number" && key !== "backfill" ? new Date(value) : (value ?? null);
  }
  await db
    .insert(callSyncState)
    .values({ id: ID, ...values, updatedAt: sql`now()` })
    .onConflictDoUpdate({ target: callSyncState.id, set: { ...values, updatedAt: sql`now()` } });
}
