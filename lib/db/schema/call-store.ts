import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

import { oneOf } from "./one-of";

/**
 * The call store (issue 8): Callboard's own copy of the call log, kept by the sync and by
 * on-demand fetches. Personal data: CALLBOARD_STORE=off keeps none of it, and
 * CALLBOARD_RETENTION_DAYS bounds how long it stays.
 */

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Text compared byte by byte (collation "C"), whatever the server's locale: call ids order
 * the same in SQL as in JavaScript, so answers from the store and from the upstream agree
 * on ties.
 */
const byteText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * One call, as the upstream last sent it: the whole normalized record (RecordURL included —
 * it never leaves the server) plus a column for everything the store filters or sorts by.
 * `numbers` and `extensions` hold the raw spellings the upstream matches `phones` and
 * `extensions` against (lib/voicenter/matching.ts).
 */
export const storedCall = pgTable(
  "stored_call",
  {
    callId: byteText("call_id").primaryKey(),
    startedAt: instant("started_at").notNull(),
    cdrType: integer("cdr_type"),
    dialStatus: text("dial_status"),
    duration: doublePrecision("duration"),
    ringTime: doublePrecision("ring_time"),
    price: doublePrecision("price"),
    callerNumber: text("caller_number"),
    targetNumber: text("target_number"),
    did: text("did"),
    numbers: text("numbers").array().notNull(),
    callerExtension: text("caller_extension"),
    targetExtension: text("target_extension"),
    extensions: text("extensions").array().notNull(),
    representativeCode: text("representative_code"),
    representativeName: text("representative_name"),
    userName: text("user_name"),
    queueName: text("queue_name"),
    departmentId: integer("department_id"),
    hasRecording: boolean("has_recording").notNull(),
    record: jsonb("record").$type<Record<string, unknown>>().notNull(),
    /**
     * The fields conversations are grouped by, as one JSON array written with the record
     * (lib/paged/compact.ts): paged mode's figures read a month of these without building
     * JSON per row. Null for rows written before the column existed (read from the record).
     */
    compact: text("compact"),
    firstFetchedAt: instant("first_fetched_at").notNull(),
    lastFetchedAt: instant("last_fetched_at").notNull(),
  },
  (t) => [
    index("stored_call_started_at_idx").on(t.startedAt, t.callId),
    // paged mode's sort by Duration (longest first, as a click on the header sorts it)
    index("stored_call_duration_idx").on(t.duration.desc().nullsLast(), t.startedAt, t.callId),
    // paged mode's charts (quarter hour × status × talk-time bin) from the index alone
    index("stored_call_charts_idx").on(t.startedAt, t.dialStatus, t.duration),
    index("stored_call_type_idx").on(t.cdrType, t.startedAt),
    index("stored_call_status_idx").on(t.dialStatus, t.startedAt),
    index("stored_call_agent_idx").on(t.representativeCode, t.startedAt),
    index("stored_call_queue_idx").on(t.queueName, t.startedAt),
    index("stored_call_did_idx").on(t.did, t.startedAt),
    index("stored_call_numbers_idx").using("gin", t.numbers),
    index("stored_call_extensions_idx").using("gin", t.extensions),
  ],
);

/**
 * A record the upstream sent but the reader could not read: kept so answers from the store
 * count it, as answers from the upstream do. `at` is its Date when readable, else the start
 * of the window it came in; the filter columns hold what could be read (null: unknown,
 * which counts as a match).
 */
export const storedCallRejection = pgTable(
  "stored_call_rejection",
  {
    key: text("key").primaryKey(),
    at: instant("at").notNull(),
    reason: text("reason").notNull(),
    callId: text("call_id"),
    cdrType: integer("cdr_type"),
    numbers: text("numbers").array(),
    extensions: text("extensions").array(),
    fetchedAt: instant("fetched_at").notNull(),
  },
  (t) => [index("stored_call_rejection_at_idx").on(t.at)],
);

/**
 * Which spans the store holds completely, and as of when. `filter_key` '' is the whole
 * account (what the sync fetches); another key is the canonical form of filters the store
 * answers in SQL (a fetch with those filters covers only queries with the same ones). A span is half-open, [from, to). `settled`: fetched
 * long enough after its end that no late record can still arrive in it.
 */
export const callCoverage = pgTable(
  "call_coverage",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    filterKey: text("filter_key").notNull().default(""),
    fromAt: instant("from_at").notNull(),
    toAt: instant("to_at").notNull(),
    fetchedAt: instant("fetched_at").notNull(),
    complete: boolean("complete").notNull(),
    settled: boolean("settled").notNull(),
  },
  (t) => [
    check("call_coverage_span_check", sql`${t.toAt} > ${t.fromAt}`),
    index("call_coverage_key_idx").on(t.filterKey, t.toAt),
  ],
);

/** The sync's own state, one row: where it stands, and how it last went. */
export const callSyncState = pgTable("call_sync_state", {
  id: text("id").primaryKey(),
  /** Every call before this instant has been fetched (as of `synced_at`). */
  syncedTo: instant("synced_to"),
  lastCycleAt: instant("last_cycle_at"),
  lastSuccessAt: instant("last_success_at"),
  lastErrorAt: instant("last_error_at"),
  lastError: text("last_error"),
  lastSweepAt: instant("last_sweep_at"),
  lastRetentionAt: instant("last_retention_at"),
  /** Who syncs (an instance id) and since when. */
  leader: text("leader"),
  leaderSince: instant("leader_since"),
  backfill: jsonb("backfill").$type<Record<string, unknown>>(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const UPSTREAM_PURPOSES = ["interactive", "sync", "backfill"] as const;
export type UpstreamPurpose = (typeof UPSTREAM_PURPOSES)[number];

/**
 * The shared upstream budget (PostgreSQL, several instances): one row per request start,
 * claimed under an advisory lock so that all instances together stay within the account's
 * limit. Rows older than the window are deleted.
 */
export const upstreamBudgetClaim = pgTable(
  "upstream_budget_claim",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant("at").notNull(),
    purpose: text("purpose", { enum: UPSTREAM_PURPOSES }).notNull(),
    instance: text("instance").notNull(),
  },
  (t) => [
    check("upstream_budget_claim_purpose_check", oneOf(t.purpose, UPSTREAM_PURPOSES)),
    index("upstream_budget_claim_at_idx").on(t.at),
  ],
);

/** Every upstream request and how it went (never the account code): the admin page's history. */
export const upstreamRequest = pgTable(
  "upstream_request",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant("at").notNull(),
    purpose: text("purpose", { enum: UPSTREAM_PURPOSES }).notNull(),
    instance: text("instance").notNull(),
    fromAt: instant("from_at"),
    toAt: instant("to_at"),
    records: integer("records"),
    totalHits: integer("total_hits"),
    ms: integer("ms").notNull(),
    /** "ok", or the kind of failure (rate-limited, timeout, untrusted-ip…). */
    outcome: text("outcome").notNull(),
    error: text("error"),
  },
  (t) => [
    check("upstream_request_purpose_check", oneOf(t.purpose, UPSTREAM_PURPOSES)),
    index("upstream_request_at_idx").on(t.at),
  ],
);
