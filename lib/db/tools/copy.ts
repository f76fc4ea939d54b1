import "server-only";

import { asc, getTableColumns, getTableName, gt, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable, type AnyPgColumn } from "drizzle-orm/pg-core";

import type { Database, DatabaseHandle } from "../database";
import * as schema from "../schema";
import { derivedTables } from "../schema/call-quarter";
import { countRows } from "./count-rows";

/**
 * Copies every table of Callboard's schema from one database to another (embedded →
 * PostgreSQL): parents before children, in primary-key order, a batch at a time, all in
 * one transaction on the target, so a failed copy leaves the target as empty as it was.
 * Through Drizzle's typed columns, so each value keeps its type (dates, JSON, bigints) and
 * a table added to the schema later is copied with no change here.
 */

const BATCH_ROWS = 1_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/** Every table of the schema, each after the tables its foreign keys point to. */
export function tablesInDependencyOrder(): PgTable[] {
  const exported: unknown[] = Object.values(schema);
  const tables = exported.filter((value): value is PgTable => is(value, PgTable));
  const ordered: PgTable[] = [];
  const visit = (table: PgTable, path: Set<PgTable>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = fk.reference().foreignTable;
      if (parent !== table) visit(parent, path);
    }
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

function primaryKeyColumn(table: PgTable): AnyPgColumn | undefined {
  const primary = getTableConfig(table).columns.filter((c) => c.primary);
  return primary.length === 1 ? primary[0] : undefined;
}

/** Rows of `table` after `after` (its primary key), at most BATCH_ROWS, in key order. */
async function batchAfter(db: Database, table: PgTable, key: AnyPgColumn, after: unknown) {
  const query = db.select().from(table).orderBy(asc(key)).limit(BATCH_ROWS);
  const rows = await (after === undefined ? query : query.where(gt(key, after)));
  return rows as Record<string, unknown>[];
}

/** Rows of a table without a single-column key, from `offset`, in the order of every column. */
async function batchAt(db: Database, table: PgTable, offset: number) {
  const order = Object.values(getTableColumns(table)).map((c) => asc(c));
  const rows = await db
    .select()
    .from(table)
    .orderBy(...order)
    .limit(BATCH_ROWS)
    .offset(offset);
  return rows as Record<string, unknown>[];
}

function propertyOf(table: PgTable, column: AnyPgColumn): string {
  const columns = table as unknown as Record<string, unknown>;
  const entry = Object.keys(columns).find((name) => columns[name] === column);
  if (!entry) throw new Error(`column ${column.name} not found on ${getTableName(table)}`);
  return entry;
}

/** Identity sequences continue after the copied ids (the next audit entry gets max + 1). */
async function resetIdentities(tx: Database, table: PgTable): Promise<void> {
  for (const column of getTableConfig(table).columns) {
    if (!column.generatedIdentity) continue;
    const name = getTableName(table);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${name}"`}, ${column.name}),
                        coalesce((select max(${sql.identifier(column.name)}) from ${table}), 0) + 1,
                        false)`,
    );
  }
}

/**
 * Copies every row. Refuses a target that already holds rows (it is not a merge). Calls
 * `onTable` after each table, for progress.
 */
export async function copyDatabase(
  source: DatabaseHandle,
  target: DatabaseHandle,
  onTable: (copied: CopiedTable) => void = () => {},
): Promise<CopiedTable[]> {
  const tables = tablesInDependencyOrder();
  const occupied = (await countRows(target.db, tables)).find((t) => t.rows > 0);
  if (occupied) {
    throw new Error(
      `The target database already holds data (${occupied.table}: ${occupied.rows} rows); copy-to only fills an empty database.`,
    );
  }
  const copied: CopiedTable[] = [];
  await target.db.transaction(async (tx) => {
    for (const table of tables) {
      const key = primaryKeyColumn(table);
      let rows = 0;
      // rebuilt by the target's own triggers from the tables they derive from
      if (derivedTables.has(table)) continue;
      if (key) {
        const keyProperty = propertyOf(table, key);
        let after: unknown = undefined;
        for (;;) {
          const batch = await batchAfter(source.db, table, key, after);
          if (batch.length === 0) break;
          await tx.insert(table).overridingSystemValue().values(batch);
          rows += batch.length;
          after = batch[batch.length - 1]?.[keyProperty];
        }
      } else {
        // a composite key: pages in the order of every column (the source holds still: the
        // embedded database is single-writer and this process holds it)
        for (;;) {
          const batch = await batchAt(source.db, table, rows);
          if (batch.length === 0) break;
          await tx.insert(table).overridingSystemValue().values(batch);
          rows += batch.length;
        }
      }
      await resetIdentities(tx, table);
      const result = { table: getTableName(table), rows };
      copied.push(result);
      onTable(result);
    }
    const derived = tables.filter((table) => derivedTables.has(table));
    for (const result of await countRows(tx, derived)) {
      copied.push(result);
      onTable(result);
    }
  });
  return copied;
}
