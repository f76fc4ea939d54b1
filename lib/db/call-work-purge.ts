import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "./database";

/**
 * CALLBOARD_RETENTION_DAYS for what people added to calls: review marks (their notes are
 * about a call and its voices) and the callback worklist's work (a caller's number, notes).
 * The calls themselves go by the store's retention (lib/store/retention.ts); this runs with
 * or without the store, since the review queue and the worklist work over the upstream too.
 * A mark last changed before the cut is about a call older than it; a callback episode
 * whose first miss is before the cut lists calls retention has removed. Notes go with their
 * work (ON DELETE CASCADE). The audit trail keeps its own retention.
 */
export async function purgeCallWorkBefore(db: Database, cutoff: Date): Promise<number> {
  const { rows } = await db.execute<{ marks: number; work: number }>(sql`
    with marks as (delete from review_mark where updated_at < ${cutoff} returning 1),
      work as (delete from callback_work where first_missed_at < ${cutoff} returning 1)
    select (select count(*) from marks)::int as marks, (select count(*) from work)::int as work`);
  return (rows[0]?.marks ?? 0) + (rows[0]?.work ?? 0);
}
