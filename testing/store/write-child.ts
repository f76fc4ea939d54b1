// A process that re-syncs a span into the store and says each time a statement of the write
// completes, so that a test can kill it (SIGKILL) in the middle of the write. Run with
// `node --conditions=react-server --import tsx testing/store/write-child.ts` and
// STORE_DB (a PostgreSQL URL or a PGlite directory), STORE_UPSTREAM, STORE_CODE,
// STORE_FROM, STORE_TO (epoch ms) in the environment.
import { openPglite } from "@/lib/db/pglite/open";
import { openPostgres } from "@/lib/db/postgres/open";

import { simulatorUpstreamAt, storeHarness, testClock } from "./harness";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const target = required("STORE_DB");
const handle = target.startsWith("postgres")
  ? await openPostgres({ url: target })
  : await openPglite({ dataDir: target });
const harness = storeHarness({
  handle,
  upstream: simulatorUpstreamAt(required("STORE_UPSTREAM"), required("STORE_CODE")),
  clock: testClock(Number(required("STORE_NOW"))),
});
// each statement that completes is announced, so the test can kill between two of them
const db = new Proxy(handle.db, {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (key !== "execute" || typeof value !== "function") return value;
    return async (...args: unknown[]) => {
      const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(
        target,
        args,
      );
      process.stdout.write("WROTE\n");
      return result;
    };
  },
});
harness.ctx.database = () => Promise.resolve(db);
await harness.store.resync({
  from: Number(required("STORE_FROM")),
  to: Number(required("STORE_TO")),
});
process.stdout.write("DONE\n");
await harness.close();
await handle.close();
