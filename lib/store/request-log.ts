import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import type { UpstreamRequestEntry } from "@/lib/server/upstream-requests";

/**
 * The history of upstream requests (the admin page's "requests per hour, sync vs people"
 * and its last errors), written in small batches a moment after the requests, so that
 * a request never waits for the database.
 */

export interface RequestLog {
  record(entry: UpstreamRequestEntry): void;
  /** Writes what is pending (tests; shutdown). */
  flush(): Promise<void>;
}

export function createRequestLog(
  database: () => Promise<Database>,
  instance: string,
  onError: (message: string) => void,
  delayMs = 2_000,
): RequestLog {
  let pending: UpstreamRequestEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    timer = undefined;
    const entries = pending;
    pending = [];
    if (entries.length === 0) return;
    const rows = entries.map((e) => ({
      at: new Date(e.at).toISOString(),
      purpose: e.purpose,
      from: new Date(e.from).toISOString(),
      to: new Date(e.to).toISOString(),
      records: e.records ?? null,
      totalHits: e.totalHits ?? null,
      ms: e.ms,
      outcome: e.outcome,
      error: e.error ?? null,
    }));
    try {
      const db = await database();
      await db.execute(sql`
        insert into upstream_request (at, purpose, instance, from_at, to_at, records, total_hits, ms, outcome, error)
        select (r->>'at')::timestamptz, r->>'purpose', ${instance}, (r->>'from')::timestamptz,
          (r->>'to')::timestamptz, (r->>'records')::integer, (r->>'totalHits')::integer,
          (r->>'ms')::integer, r->>'outcome', r->>'error'
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as r`);
    } catch (error) {
      onError(`could not write the upstream request log: ${(error as Error).message}`);
    }
  };

  return {
    record(entry) {
      pending.push(entry);
      timer ??= setTimeout(() => {
        writing = writing.then(write);
      }, delayMs);
      timer.unref?.();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      writing = writing.then(write);
      await writing;
    },
  };
}
