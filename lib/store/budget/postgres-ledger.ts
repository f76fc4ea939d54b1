import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "@/lib/db/database";
import type { UpstreamPurpose } from "@/lib/db/schema/call-store";
import {
  decideClaim,
  emptyUsage,
  type BudgetLedger,
  type BudgetPolicy,
} from "@/lib/server/budget-ledger";

/**
 * The upstream budget shared by every instance on one PostgreSQL database: a claim is a
 * row, counted and inserted under one advisory lock, on the database's clock — so N
 * instances together never start more requests in a window than the account allows, even
 * if their own clocks disagree. At 30 requests a minute this is a handful of tiny
 * transactions a minute: no other service is needed.
 */

const BUDGET_LOCK = 0x63_62_62_67; // "cbbg"
const PRUNE_EVERY = 50;

export function createPostgresLedger(
  database: () => Promise<Database>,
  policy: BudgetPolicy,
  instance: string,
): BudgetLedger {
  let claims = 0;
  const windowText = `${Math.ceil(policy.windowMs)} milliseconds`;
  return {
    async claim(purpose: UpstreamPurpose) {
      const db = await database();
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${BUDGET_LOCK})`);
        if (++claims % PRUNE_EVERY === 1) {
          await tx.execute(
            sql`delete from upstream_budget_claim where at < clock_timestamp() - interval '1 hour'`,
          );
        }
        const { rows } = await tx.execute<{ now_ms: number; starts: number[] | null }>(sql`
          select extract(epoch from clock_timestamp())::float8 * 1000 as now_ms,
            array_agg(extract(epoch from at)::float8 * 1000 order by at) as starts
          from upstream_budget_claim
          where at > clock_timestamp() - ${windowText}::interval`);
        const row = rows[0];
        const at = Number(row?.now_ms ?? Date.now());
        const decision = decideClaim(policy, purpose, row?.starts ?? [], at);
        if (decision.granted) {
          await tx.execute(sql`insert into upstream_budget_claim (at, purpose, instance)
            values (clock_timestamp(), ${purpose}, ${instance})`);
        }
        return decision;
      });
    },
    async usage() {
      const db = await database();
      const { rows } = await db.execute<{ purpose: UpstreamPurpose; n: number | bigint }>(sql`
        select purpose, count(*) as n from upstream_budget_claim
        where at > clock_timestamp() - ${windowText}::interval group by purpose`);
      const usage = emptyUsage(policy);
      for (const row of rows) {
        usage.byPurpose[row.purpose] = Number(row.n);
        usage.used += Number(row.n);
      }
      return usage;
    },
  };
}
