import "server-only";

import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Results, Transaction } from "@electric-sql/pglite";

import { DatabaseUnavailableError, PostgresError } from "../errors";

/**
 * A PGlite-shaped client for PGlite running in a worker thread (worker.mjs): it has the
 * `query` and `transaction` that drizzle-orm/pglite calls, so Drizzle, its migrator and
 * Better Auth's adapter work unchanged. Each call is one message; rows come back by
 * structured clone (Dates, BigInts and byte arrays intact). A transaction holds the
 * worker's one connection until it ends (PGlite's own lock), so a concurrent query waits
 * rather than running inside it. Errors come back with PostgreSQL's fields (`code`…).
 */

/** The worker file, found from the project root (also in `output: "standalone"`). */
export function defaultWorkerPath(): string {
  return join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "pglite", "worker.mjs");
}

export interface PgliteWorkerOptions {
  /** A directory, or undefined for memory. */
  dataDir?: string;
  /** A `dumpDataDir("none")` tarball to start from (tests: a migrated snapshot). */
  snapshot?: Uint8Array<ArrayBuffer>;
  workerPath?: string;
}

type Parser = (value: string, typeId: number) => unknown;
interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, Parser>;
}

interface SerializedError {
  name: string;
  message: string;
  fields?: Record<string, string | number>;
}
type Reply =
  | { type: "ready" }
  | { type: "failed"; error: SerializedError }
  | { type: "result"; id: number; ok: true; result: unknown }
  | { type: "result"; id: number; ok: false; error: SerializedError };

function toError(serialized: SerializedError): Error {
  const error = new PostgresError(serialized.message);
  Object.assign(error, serialized.fields);
  return error;
}

/** Drizzle leaves some types as text and parses them itself: keep them raw in the worker. */
function applyParsers<T>(result: Results<T>, parsers: Record<number, Parser> | undefined) {
  if (!parsers) return result;
  result.fields.forEach((field, index) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    for (const row of result.rows as unknown[]) {
      const record = row as Record<string | number, unknown>;
      const key = Array.isArray(row) ? index : field.name;
      const value = record[key];
      if (typeof value === "string") record[key] = parse(value, field.dataTypeID);
    }
  });
  return result;
}

export class PgliteWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;
  #nextTx = 1;
  #failure: Error | undefined;
  #closing: Promise<void> | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the worker and resolves once PGlite is ready (first open of a directory: initdb). */
  static start(options: PgliteWorkerOptions): Promise<PgliteWorkerClient> {
    // not a module for Turbopack to bundle or trace: plain JS, found at run time
    const worker = new Worker(
      /* turbopackIgnore: true */ options.workerPath ?? defaultWorkerPath(),
      {
        workerData: { dataDir: options.dataDir, snapshot: options.snapshot },
        // not the process's loaders (tsx under tests and benchmarks): the worker is plain JS
        execArgv: [],
      },
    );
    const client = new PgliteWorkerClient(worker);
    return new Promise((resolve, reject) => {
      const onStartError = (error: Error) => reject(client.#fail(error));
      worker.once("error", onStartError);
      worker.once("exit", (code) => {
        const error = client.#closing
          ? new DatabaseUnavailableError("The embedded database is closed.")
          : new Error(`the worker thread exited with code ${code}`);
        reject(client.#fail(error));
      });
      worker.on("message", (reply: Reply) => {
        if (reply.type === "ready") {
          worker.removeListener("error", onStartError);
          worker.on("error", (error) => client.#fail(error));
          worker.unref(); // idle: let a script end; ref'd while a call is pending
          resolve(client);
        } else if (reply.type === "failed") {
          reject(client.#fail(toError(reply.error)));
          void worker.terminate();
        } else client.#settle(reply);
      });
    });
  }

  get closed(): boolean {
    return this.#failure !== undefined || this.#closing !== undefined;
  }

  #fail(cause: Error): Error {
    const error =
      cause instanceof DatabaseUnavailableError || cause instanceof PostgresError
        ? cause
        : new DatabaseUnavailableError(`The embedded database stopped: ${cause.message}`);
    this.#failure ??= error;
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
    return error;
  }

  #settle(reply: Extract<Reply, { type: "result" }>): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(toError(reply.error));
  }

  #call<T>(message: Record<string, unknown>, whileClosing = false): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closing && !whileClosing) {
      return Promise.reject(new DatabaseUnavailableError("The embedded database is closed."));
    }
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.#worker.ref();
      this.#worker.postMessage({ ...message, id });
    });
  }

  #query<T>(tx: number | undefined, sql: string, params: unknown[] = [], options?: QueryOptions) {
    const { rowMode, parsers, ...unsupported } = options ?? {};
    if (Object.keys(unsupported).length > 0) {
      const names = Object.keys(unsupported).join(", ");
      return Promise.reject(new Error(`query options not supported by the worker: ${names}`));
    }
    const rawTypes = parsers ? Object.keys(parsers).map(Number) : [];
    return this.#call<Results<T>>({ op: "query", tx, sql, params, rowMode, rawTypes }).then((r) =>
      applyParsers(r, parsers),
    );
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.#query<T>(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.#call<Results[]>({ op: "exec", sql });
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = this.#nextTx++;
    await this.#call({ op: "begin", tx });
    let open = true;
    const guard = () => {
      if (!open) throw new Error("Transaction is closed");
    };
    const handle = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        guard();
        return this.#query<R>(tx, sql, params, options);
      },
      exec: (sql: string) => {
        guard();
        return this.#call<Results[]>({ op: "exec", tx, sql });
      },
      rollback: async () => {
        guard();
        open = false;
        await this.#call({ op: "end", tx, commit: false });
      },
      get closed() {
        return !open;
      },
    };
    let result: T;
    try {
      result = await callback(handle as unknown as Transaction);
    } catch (error) {
      if (open) {
        open = false;
        await this.#call({ op: "end", tx, commit: false }).catch(() => undefined);
      }
      throw error;
    }
    if (open) {
      open = false;
      await this.#call({ op: "end", tx, commit: true });
    }
    return result;
  }

  /** The data directory as a tarball (PGlite's `dumpDataDir`): a consistent backup. */
  async dumpDataDir(compression: "none" | "gzip" | "auto" = "auto"): Promise<Blob> {
    const bytes = await this.#call<Uint8Array>({ op: "dump", compression });
    return new Blob([bytes as Uint8Array<ArrayBuffer>]);
  }

  /** Rolls back open transactions, closes PGlite (flushing it) and ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (!this.#failure) {
        try {
          await this.#call({ op: "close" }, true);
        } catch {
          // already failing: terminating is all that is left
        }
      }
      await this.#worker.terminate();
      this.#fail(new DatabaseUnavailableError("The embedded database is closed."));
    })();
    return this.#closing;
  }
}
