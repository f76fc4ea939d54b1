import "server-only";

import { count, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import type { Database } from "../database";

export interface TableRows {
  table: string;
  rows: number;
}

/** Each table's row count, in the order given. */
export async function countRows(db: Database, tables: readonly PgTable[]): Promise<TableRows[]> {
  const counts: TableRows[] = [];
  for (const table of tables) {
    const [row] = await db.select({ n: count() }).from(table);
    counts.push({ table: getTableName(table), rows: row?.n ?? 0 });
  }
  return counts;
}
