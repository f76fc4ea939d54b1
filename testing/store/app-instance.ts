// One Callboard instance for the multi-instance tests and the store's benchmarks: the real
// route handlers of /api/calls (with paged mode's mode, figures and page), /api/health and
// /api/admin/sync[/resync] behind node:http, the database opened and the call store's
// sync started as the server's instrumentation does, configured by the environment
// (DATABASE_URL, VOICENTER_*, CALLBOARD_*). Prints "READY <port>" once listening. Run with
// `node --conditions=react-server --import tsx testing/store/app-instance.ts`.
import { createServer } from "node:http";

const { GET: calls } = await import("@/app/api/calls/route");
const { GET: mode } = await import("@/app/api/calls/mode/route");
const { GET: figures } = await import("@/app/api/calls/figures/route");
const { GET: page } = await import("@/app/api/calls/page/route");
const { GET: health } = await import("@/app/api/health/route");
const { GET: adminSync } = await import("@/app/api/admin/sync/route");
const { POST: resync } = await import("@/app/api/admin/sync/resync/route");
const { openDatabaseOrExit } = await import("@/lib/db/start-up");
const { startCallStore } = await import("@/lib/store/process");

await openDatabaseOrExit();
startCallStore();

const routes: Record<string, (request: Request) => Promise<Response>> = {
  "/api/calls": calls,
  "/api/calls/mode": mode,
  "/api/calls/figures": figures,
  "/api/calls/page": page,
  "/api/health": health,
  "/api/admin/sync": adminSync,
  "/api/admin/sync/resync": resync,
};

const server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes[url.pathname];
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const aborter = new AbortController();
    res.on("close", () => aborter.abort());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = req.method === "POST" ? Buffer.concat(chunks) : undefined;
    const response = await route(
      new Request(url, {
        method: req.method,
        headers: {
          "content-type": req.headers["content-type"] ?? "application/json",
          authorization: req.headers.authorization ?? "",
        },
        body,
        signal: aborter.signal,
      }),
    );
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  })().catch((error: unknown) => {
    res.statusCode = 500;
    res.end(String(error));
  });
});
// as `next start` does: stop on SIGTERM (the store and the database close on it too)
process.once("SIGTERM", () => {
  server.close();
  setTimeout(() => process.exit(0), 1_000).unref();
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === "object" && address ? address.port : 0}\n`);
});
