import "server-only";

import { sql } from "drizzle-orm";

import type { ApiCall } from "@/lib/api/calls-response";
import type { Database } from "@/lib/db/database";
import { serverEnv } from "@/lib/server/env";
import { COMPACT_READ, recordsOfCompactText } from "@/lib/store/compact";
import { callsWhere, filterKey, type StoreFilter } from "@/lib/store/filter";

import { rangeOf, upstreamTest } from "./narrowed";
import { countStored } from "./quarters";

/**
 * The records of a range (and its upstream filters) in the fields grouping reads, read once
 * and kept a minute from when the read finished, with what was computed from them: the
 * conversations (grouped once per array, lib/dashboard/conversation-rows.ts) and each view's
 * figures. A read in flight is shared; a view's figures asked twice are computed once.
 *
 * A range of more records than CALLBOARD_FIGURES_MAX_RECORDS is not read (grouping holds
 * every record, about 2 KB each: a year of a busy center would not fit in the server's
 * heap): the read stops with a RecordLimitError as soon as the count is known, and the
 * refusal is kept like a set. The sets kept hold at most that many records together.
 *
 * A range narrowed by upstream filters (one agent's extension, a number) whose whole range
 * is held is answered from the held records (lib/paged/narrowed.ts), kept with them.
 */

type Reader = Pick<Database, "execute">;

const SLICE = 50_000;
const KEEP_MS = 60_000;
const KEEP_SETS = 2;
const MAX_FIGURES = 64;
const MAX_NARROWED = 16;

/** A range with more records than the server groups at once. */
export class RecordLimitError extends Error {
  override name = "RecordLimitError";
  constructor(
    /** The range's records (at least; exactly once counted). */
    readonly records: number,
    readonly max: number,
  ) {
    super(`${records} records are more than the ${max} the server groups at once`);
  }
}

export const isRecordLimitError = (error: unknown): error is RecordLimitError =>
  error instanceof RecordLimitError;

export const figuresMaxRecords = () => serverEnv().CALLBOARD_FIGURES_MAX_RECORDS;

/**
 * The records of a filter in load order (Date, CallID): their compact forms
 * (lib/store/compact.ts), joined by the database into one text per slice — slices so that
 * on the embedded database other queries get their turn in between. With more than `max`
 * records (counted beside the first slice, checked before each next) it stops with a
 * RecordLimitError.
 */
export async function readCompact(
  db: Reader,
  filter: StoreFilter,
  slice = SLICE,
  max = Number.POSITIVE_INFINITY,
): Promise<ApiCall[]> {
  const out: ApiCall[] = [];
  let counted: number | undefined;
  const count = Number.isFinite(max)
    ? countStored(db, filter).then((n) => (counted = n))
    : undefined;
  // the count's failure is the read's too (the first slice's query fails alike)
  count?.catch(() => undefined);
  let after: { at: string; id: string } | undefined;
  for (;;) {
    // the count runs beside the first slice (on the embedded database, before it)
    if (counted !== undefined && counted > max) throw new RecordLimitError(counted, max);
    const keyset = after
      ? sql` and (started_at, call_id) > (${after.at}::timestamptz, ${after.id})`
      : sql``;
    const { rows } = await db.execute<{ text: string | null }>(sql`
      select string_agg(c, ',' order by started_at, call_id) as text from (
        select started_at, call_id, ${sql.raw(COMPACT_READ)} as c from stored_call
        where ${callsWhere(filter)}${keyset} order by started_at, call_id limit ${slice}) s`);
    const records = recordsOfCompactText(rows[0]?.text ?? "");
    for (const call of records) out.push(call);
    if (out.length > max) throw new RecordLimitError(out.length, max);
    if (records.length < slice) return out;
    const last = records[records.length - 1]!;
    after = { at: last.Date ?? "", id: last.CallID };
  }
}

interface RecordSet {
  /** When the read finished (epoch ms); 0 while it runs. */
  at: number;
  calls: Promise<ApiCall[]>;
  ready?: ApiCall[];
  figures: Map<string, unknown>;
  /** Sets narrowed from this one's records, by key (they go when it goes). */
  narrowed?: Map<string, RecordSet>;
}

// per database (one in the app; tests open one of each kind in a process)
const setsByDb = new WeakMap<Reader, Map<string, RecordSet>>();
function setsOf(db: Reader): Map<string, RecordSet> {
  let sets = setsByDb.get(db);
  if (!sets) setsByDb.set(db, (sets = new Map<string, RecordSet>()));
  return sets;
}
const keyOf = (filter: StoreFilter) => `${filter.from}|${filter.to}|${filterKey(filter)}`;
const fresh = (set: RecordSet | undefined, now: number): set is RecordSet =>
  set !== undefined && (set.at === 0 || now - set.at < KEEP_MS);

/** The filter's set narrowed from its range's held records; undefined when they are not held. */
function narrowedSet(db: Reader, filter: StoreFilter, now: number): RecordSet | undefined {
  const test = upstreamTest(filter);
  if (!test) return undefined;
  const base = setsOf(db).get(keyOf(rangeOf(filter)));
  if (!fresh(base, now) || !base.ready) return undefined;
  base.narrowed ??= new Map();
  const key = keyOf(filter);
  let set = base.narrowed.get(key);
  if (!set) {
    if (base.narrowed.size >= MAX_NARROWED) base.narrowed.clear();
    const ready = base.ready.filter(test);
    set = { at: base.at, calls: Promise.resolve(ready), ready, figures: new Map() };
    base.narrowed.set(key, set);
  }
  return set;
}

function recordSetOf(db: Reader, filter: StoreFilter, now: number): RecordSet {
  const sets = setsOf(db);
  const key = keyOf(filter);
  const kept = sets.get(key);
  if (fresh(kept, now)) return kept;
  const narrowed = narrowedSet(db, filter, now);
  if (narrowed) return narrowed;
  const max = figuresMaxRecords();
  const set: RecordSet = { at: 0, calls: readCompact(db, filter, SLICE, max), figures: new Map() };
  sets.set(key, set);
  set.calls.then(
    (calls) => {
      set.at = Date.now();
      set.ready = calls;
      // the sets kept hold `max` records at most together: the oldest others go first
      let held = 0;
      for (const other of sets.values()) held += other.ready?.length ?? 0;
      for (const [k, other] of sets) {
        if (held <= max) break;
        if (other === set || !other.ready) continue;
        held -= other.ready.length;
        sets.delete(k);
      }
    },
    (error: unknown) => {
      // a range too big is refused again at once while kept; another failure is not kept
      if (isRecordLimitError(error)) set.at = Date.now();
      else sets.delete(key);
    },
  );
  for (const [k, v] of sets) if (sets.size > KEEP_SETS && v !== set) sets.delete(k);
  return set;
}

/** The filter's records: kept, or read (and kept). */
export function recordsOf(db: Reader, filter: StoreFilter, now = Date.now()): Promise<ApiCall[]> {
  return recordSetOf(db, filter, now).calls;
}

/** The filter's records when they are kept and read already; else undefined (no read starts). */
export function readyRecordsOf(
  db: Reader,
  filter: StoreFilter,
  now = Date.now(),
): ApiCall[] | undefined {
  const kept = setsOf(db).get(keyOf(filter));
  return fresh(kept, now) ? kept.ready : narrowedSet(db, filter, now)?.ready;
}

/**
 * A figure of the filter's records, computed once per `key` while the records are kept
 * (`key` names everything else the figure depends on: local filters, zone, thresholds).
 */
export async function figureOf<T>(
  db: Reader,
  filter: StoreFilter,
  key: string,
  compute: (calls: readonly ApiCall[]) => T,
  now = Date.now(),
): Promise<T> {
  const set = recordSetOf(db, filter, now);
  const calls = await set.calls;
  if (!set.figures.has(key)) {
    if (set.figures.size >= MAX_FIGURES) set.figures.clear();
    set.figures.set(key, compute(calls));
  }
  return set.figures.get(key) as T;
}

type KeptFigures = Map<string, { at: number; value: Promise<unknown> }>;
const keptByDb = new WeakMap<Reader, KeptFigures>();

/**
 * A figure of the filter's view computed however it can be (from the database, or from
 * the held records), kept a minute like the records: a view opened again is answered at once.
 */
export function keptFigure<T>(
  db: Reader,
  filter: StoreFilter,
  key: string,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  let kept = keptByDb.get(db);
  if (!kept) keptByDb.set(db, (kept = new Map() as KeptFigures));
  for (const [k, v] of kept) if (now - v.at >= KEEP_MS) kept.delete(k);
  if (kept.size >= MAX_FIGURES) kept.clear();
  const full = `${keyOf(filter)}|${key}`;
  const hit = kept.get(full);
  if (hit) return hit.value as Promise<T>;
  const value = compute();
  const map = kept;
  map.set(full, { at: now, value });
  value.catch(() => map.delete(full));
  return value;
}
