import { bigint, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * The stored calls counted by quarter hour (UTC epoch / 900 s), status ('' when none came
 * back) and talk-time bin (lib/analytics/histogram.ts's DURATION_BINS, -1 when no Duration
 * came back): what paged mode's charts and counts of a whole-account range read instead of
 * every row (a year of a busy center is millions of rows, a few hundred thousand here).
 *
 * Kept by the database itself: statement triggers on stored_call add what each insert,
 * update, delete or truncate changed (migration 0007), so every writer — the sync, a fetch
 * on demand, the retention purge, a removal — keeps it exact, in the same transaction.
 * A quarter hour lies in one local hour in every zone (offsets are multiples of 15 minutes).
 */
export const storedCallQuarter = pgTable(
  "stored_call_quarter",
  {
    quarter: bigint("quarter", { mode: "number" }).notNull(),
    status: text("status").notNull(),
    bin: smallint("bin").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarter, t.status, t.bin] })],
);

/**
 * Tables the database derives from others by itself (triggers): a copy of the database
 * copies what they are derived from, and the target's triggers rebuild them.
 */
export const derivedTables: ReadonlySet<unknown> = new Set([storedCallQuarter]);
