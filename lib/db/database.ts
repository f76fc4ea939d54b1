import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

import type * as schema from "./schema";

/**
 * What `db.execute(sql)` resolves to on either driver: node-postgres's QueryResult and
 * PGlite's Results both carry `rows`, and both drivers return the same values for the same
 * query (see postgres/type-parsers.ts), so callers write one code path.
 */
export interface DatabaseQueryResultHKT extends PgQueryResultHKT {
  type: QueryRows<this["row"] extends infer T ? T : Record<string, unknown>>;
}

export interface QueryRows<T> {
  rows: T[];
}

/** Callboard's database, the same Drizzle type whichever driver is behind it. */
export type Database = PgDatabase<DatabaseQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  readonly kind: DatabaseKind;
  readonly db: Database;
  /** Where the data lives, for people and logs: a directory, or host:port/database (never credentials). */
  readonly location: string;
  /** A trivial round trip (`select 1`); rejects when the database cannot answer. */
  ping(): Promise<void>;
  /** Ends every connection (PGlite: flushes and frees its directory). Idempotent. */
  close(): Promise<void>;
  readonly closed: boolean;
  /** PGlite only: the data directory as a tarball (`gzip` or `none`), a consistent backup. */
  dumpDataDir?(compression: "none" | "gzip"): Promise<Blob>;
}
