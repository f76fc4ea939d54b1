import "server-only";

import pg from "pg";

/**
 * node-postgres returns int8 (count(*), sum() of integers, bigint columns) as strings;
 * PGlite returns a number, or a BigInt beyond 2^53. Raw `db.execute()` results are made
 * the same on both back-ends by parsing as PGlite does. (Drizzle's typed columns map either
 * form; the other types already agree, checked by the integration suite.) pg's parsers
 * are process-wide: set once.
 */

const INT8 = pg.types.builtins.INT8;
// not in pg-types' list of builtins, which names scalar types only
const INT8_ARRAY = 1016 as typeof INT8;
const installed = Symbol.for("callboard.pgTypeParsers");

export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

function mapDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mapDeep);
  return typeof value === "string" ? parseInt8(value) : value;
}

export function installTypeParsers(): void {
  const registry = globalThis as { [installed]?: true };
  if (registry[installed]) return;
  registry[installed] = true;
  const parseInt8Array = pg.types.getTypeParser(INT8_ARRAY) as (text: string) => unknown;
  pg.types.setTypeParser(INT8, parseInt8);
  pg.types.setTypeParser(INT8_ARRAY, (text) => mapDeep(parseInt8Array(text)));
}
