// The embedded database (PGlite) on a worker thread, so a heavy query does not stall the
// server's event loop. Plain JavaScript, loaded by path from the project root, because
// Next.js's bundler must not touch it (see lib/db/pglite/worker-client.ts for the protocol).
// PGlite's own locks keep a transaction exclusive: its `query` waits until an open
// `transaction` has ended, so a query sent meanwhile cannot see or join it.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @typedef {import("@electric-sql/pglite").Transaction} Transaction */
/**
 * @typedef {{ id: number } & (
 *   | { op: "query"; tx?: number; sql: string; params: unknown[]; rowMode?: "array" | "object"; rawTypes: number[] }
 *   | { op: "exec"; tx?: number; sql: string }
 *   | { op: "begin"; tx: number }
 *   | { op: "end"; tx: number; commit: boolean }
 *   | { op: "dump"; compression: "none" | "gzip" | "auto" }
 *   | { op: "close" }
 * )} Request
 */
/** @typedef {{ tx: Transaction | undefined, finish: (commit: boolean) => void, outcome: Promise<void> }} OpenTransaction */

if (!parentPort) throw new Error("worker.mjs runs as a worker thread");
const port = parentPort;
/** @type {PGlite | undefined} */
let pg;
/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();

const PRIVATE_FIELDS = new Set(["query", "params", "queryOptions", "stack", "message", "name"]);

/**
 * PostgreSQL's fields (code, detail, constraint…) survive; the query's parameters do not.
 * @param {unknown} error
 */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  /** @type {Record<string, string | number>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (PRIVATE_FIELDS.has(key)) continue;
    if (typeof value === "string" || typeof value === "number") fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

function database() {
  if (!pg) throw new Error("the embedded database is not open");
  return pg;
}

/**
 * The connection a request runs on: its transaction's, or PGlite's (which waits for any
 * open transaction to end).
 * @param {number | undefined} tx
 */
function target(tx) {
  if (tx === undefined) return database();
  const open = transactions.get(tx)?.tx;
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open;
}

/**
 * Opens a transaction that stays open until `end`; resolves once BEGIN has run.
 * @param {number} tx
 * @returns {Promise<void>}
 */
function begin(tx) {
  return new Promise((began, failed) => {
    /** @type {(commit: boolean) => void} */
    let finish = () => {};
    /** @type {Promise<boolean>} */
    const finished = new Promise((resolve) => (finish = resolve));
    /** @type {OpenTransaction} */
    const entry = { tx: undefined, finish: (commit) => finish(commit), outcome: Promise.resolve() };
    entry.outcome = database()
      .transaction(async (t) => {
        entry.tx = t;
        transactions.set(tx, entry);
        began();
        const commit = await finished;
        if (!commit) await t.rollback();
      })
      .finally(() => transactions.delete(tx));
    // BEGIN itself failed: the caller learns it from `begin`, not from `end`
    entry.outcome.catch((/** @type {unknown} */ error) => {
      if (entry.tx === undefined) failed(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/**
 * Commits or rolls back; resolves once done (rejects if COMMIT failed).
 * @param {number} tx
 * @param {boolean} commit
 */
async function end(tx, commit) {
  const entry = transactions.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  entry.finish(commit);
  await entry.outcome;
}

/** @param {Request} message */
async function handle(message) {
  switch (message.op) {
    case "query": {
      // Drizzle asks to leave some types as text (its own parsers run on the calling side)
      /** @type {Record<number, (value: string) => string>} */
      const parsers = {};
      for (const oid of message.rawTypes) parsers[oid] = (value) => value;
      const result = await target(message.tx).query(message.sql, message.params, {
        rowMode: message.rowMode,
        parsers,
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "exec": {
      const results = await target(message.tx).exec(message.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "begin":
      return begin(message.tx);
    case "end":
      return end(message.tx, message.commit);
    case "dump": {
      const blob = await database().dumpDataDir(message.compression);
      return new Uint8Array(await blob.arrayBuffer());
    }
    case "close": {
      for (const entry of transactions.values()) entry.finish(false);
      await Promise.allSettled([...transactions.values()].map((e) => e.outcome));
      await database().close();
      return undefined;
    }
  }
}

port.on("message", (/** @type {Request} */ message) => {
  handle(message).then(
    (result) => {
      const transfer =
        result instanceof Uint8Array ? [/** @type {ArrayBuffer} */ (result.buffer)] : [];
      port.postMessage({ type: "result", id: message.id, ok: true, result }, transfer);
      if (message.op === "close") port.close();
    },
    (error) =>
      port.postMessage({ type: "result", id: message.id, ok: false, error: serializeError(error) }),
  );
});

try {
  /** @type {unknown} */
  const given = workerData;
  const data = /** @type {{ dataDir?: string, snapshot?: Uint8Array<ArrayBuffer> }} */ (given);
  pg = await PGlite.create(
    data.dataDir,
    data.snapshot ? { loadDataDir: new Blob([data.snapshot]) } : {},
  );
  port.postMessage({ type: "ready" });
} catch (error) {
  port.postMessage({ type: "failed", error: serializeError(error) });
}
