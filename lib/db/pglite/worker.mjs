// The embedded database (PGlite) on a worker thread, so a heavy query does not stall the
// server's event loop. Plain JavaScript, loaded by path from the project root, because
// Next.js's bundler must not touch it (see lib/db/pglite/worker-client.ts for the protocol).
// PGlite's own locks keep a transaction exclusive: its `query` waits until an open
// `transaction` has ended, so a query sent meanwhile cannot see or join it.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const port = parentPort;
/** @type {PGlite | undefined} */
let pg;
/** @type {Map<number, { tx: any, finish: (commit: boolean) => void, outcome: Promise<void> }>} */
const transactions = new Map();

const PRIVATE_FIELDS = new Set(["query", "params", "queryOptions", "stack", "message", "name"]);

/** PostgreSQL's fields (code, detail, constraint…) survive; the query's parameters do not. */
function serializeError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (PRIVATE_FIELDS.has(key)) continue;
    if (typeof value === "string" || typeof value === "number") fields[key] = value;
  }
  return { name: error.name, message: error.message, fields };
}

function target(tx) {
  if (tx === undefined) return pg;
  const entry = transactions.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  return entry.tx;
}

function begin(tx) {
  return new Promise((began, failed) => {
    let finish = () => {};
    const finished = new Promise((resolve) => (finish = resolve));
    const entry = { tx: undefined, finish, outcome: Promise.resolve() };
    entry.outcome = pg
      .transaction(async (t) => {
        entry.tx = t;
        transactions.set(tx, entry);
        began(undefined);
        const commit = await finished;
        if (!commit) await t.rollback();
      })
      .finally(() => transactions.delete(tx));
    // BEGIN itself failed: the caller learns it from `begin`, not from `end`
    entry.outcome.catch((error) => {
      if (!transactions.has(tx) && entry.tx === undefined) failed(error);
    });
  });
}

async function end(tx, commit) {
  const entry = transactions.get(tx);
  if (!entry) throw new Error(`transaction ${tx} is not open`);
  entry.finish(commit);
  await entry.outcome;
}

async function handle(message) {
  switch (message.op) {
    case "query": {
      // Drizzle asks to leave some types as text (its own parsers run on the calling side)
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
      const blob = await pg.dumpDataDir(message.compression);
      return new Uint8Array(await blob.arrayBuffer());
    }
    case "close": {
      for (const entry of transactions.values()) entry.finish(false);
      await Promise.allSettled([...transactions.values()].map((e) => e.outcome));
      await pg.close();
      return undefined;
    }
    default:
      throw new Error(`unknown operation ${JSON.stringify(message.op)}`);
  }
}

port.on("message", (message) => {
  handle(message).then(
    (result) => {
      const transfer = result instanceof Uint8Array ? [result.buffer] : [];
      port.postMessage({ type: "result", id: message.id, ok: true, result }, transfer);
      if (message.op === "close") port.close();
    },
    (error) =>
      port.postMessage({ type: "result", id: message.id, ok: false, error: serializeError(error) }),
  );
});

try {
  const options = {};
  if (workerData.snapshot) options.loadDataDir = new Blob([workerData.snapshot]);
  pg = await PGlite.create(workerData.dataDir, options);
  port.postMessage({ type: "ready" });
} catch (error) {
  port.postMessage({ type: "failed", error: serializeError(error) });
}
