import "server-only";

import pg from "pg";

/**
 * Who syncs, and one fetch of a span at a time, across instances. On PostgreSQL both are
 * advisory locks: the leader holds a session lock on a connection of its own (when its
 * process stops, the connection closes and the lock is free: another instance takes over
 * at its next check, within `checkEveryMs`); a span being fetched on demand is locked
 * while it is fetched, and the others wait for it and then read the store. On the
 * embedded database there is one process: it leads, and its locks are in memory.
 */

export interface Leadership {
  isLeader(): boolean;
  /** Starts competing; `onChange` hears every change. */
  start(onChange: (leading: boolean) => void): void;
  stop(): Promise<void>;
}

export interface SpanLocks {
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export interface Coordination {
  leadership: Leadership;
  spanLocks: SpanLocks;
  close(): Promise<void>;
}

/** In-process: one holder per key, the others queue behind it. */
export function createMemorySpanLocks(): SpanLocks {
  const tails = new Map<string, Promise<unknown>>();
  return {
    async withLock(key, work) {
      const before = tails.get(key) ?? Promise.resolve();
      let release: () => void = () => undefined;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = before.then(() => mine);
      tails.set(key, tail);
      await before;
      try {
        return await work();
      } finally {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}

export function createLocalCoordination(): Coordination {
  let leading = false;
  return {
    leadership: {
      isLeader: () => leading,
      start(onChange) {
        leading = true;
        onChange(true);
      },
      stop() {
        leading = false;
        return Promise.resolve();
      },
    },
    spanLocks: createMemorySpanLocks(),
    close: () => Promise.resolve(),
  };
}

const LEADER_LOCK = 0x63_62_6c_64; // "cbld"
const SPAN_LOCK = 0x63_62_73_70; // "cbsp"

export interface PostgresCoordinationOptions {
  url: string;
  /** How often a follower tries to take over, and the leader checks its connection. */
  checkEveryMs?: number;
  /** Longest wait for another instance's fetch of the same span. */
  spanWaitMs?: number;
  /** Credential-free messages only (the caller redacts). */
  onError?: (message: string) => void;
}

export function createPostgresCoordination(options: PostgresCoordinationOptions): Coordination {
  const checkEveryMs = options.checkEveryMs ?? 10_000;
  const spanWaitMs = options.spanWaitMs ?? 120_000;
  const report = options.onError ?? (() => undefined);
  const connection = {
    connectionString: options.url,
    application_name: "callboard-coordination",
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  };

  let client: pg.Client | undefined;
  let leading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let notify: (leading: boolean) => void = () => undefined;

  const lose = (why: string) => {
    const had = leading;
    leading = false;
    const old = client;
    client = undefined;
    void old?.end().catch(() => undefined);
    if (had) {
      report(`this instance stopped leading the sync: ${why}`);
      notify(false);
    }
  };

  async function check(): Promise<void> {
    try {
      if (!client) {
        const fresh = new pg.Client(connection);
        fresh.on("error", (error) => lose(error.message));
        await fresh.connect();
        client = fresh;
      }
      if (leading) await client.query("select 1");
      else {
        const { rows } = await client.query<{ ok: boolean }>(
          "select pg_try_advisory_lock($1) as ok",
          [LEADER_LOCK],
        );
        if (rows[0]?.ok && !stopped) {
          leading = true;
          notify(true);
        }
      }
    } catch (error) {
      lose((error as Error).message);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void check().finally(schedule), checkEveryMs);
    timer.unref?.();
  }

  const pool = new pg.Pool({ ...connection, max: 4 });
  pool.on("error", (error) => report(`coordination connection: ${error.message}`));
  const local = createMemorySpanLocks();

  return {
    leadership: {
      isLeader: () => leading,
      start(onChange) {
        notify = onChange;
        stopped = false;
        void check().finally(schedule);
      },
      async stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        const had = leading;
        leading = false;
        const old = client;
        client = undefined;
        await old?.end().catch(() => undefined);
        if (had) notify(false);
      },
    },
    spanLocks: {
      withLock(key, work) {
        // one waiter per key in this process; across processes, the advisory lock
        return local.withLock(key, async () => {
          let held: pg.PoolClient | undefined;
          try {
            held = await pool.connect();
            await held.query(`set lock_timeout = ${Math.max(1, Math.round(spanWaitMs))}`);
            await held.query("select pg_advisory_lock($1, hashtext($2))", [SPAN_LOCK, key]);
          } catch (error) {
            // waited too long, or no connection: go on without it (at worst fetched twice)
            report(`span lock not taken: ${(error as Error).message}`);
            held?.release();
            held = undefined;
          }
          try {
            return await work();
          } finally {
            if (held) {
              await held
                .query("select pg_advisory_unlock($1, hashtext($2))", [SPAN_LOCK, key])
                .catch(() => undefined);
              held.release();
            }
          }
        });
      },
    },
    async close() {
      await this.leadership.stop();
      await pool.end().catch(() => undefined);
    },
  };
}
