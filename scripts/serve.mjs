// The production server (`npm start`, `npm run demo`, the e2e servers): Next's request
// handler behind node:http, so that Callboard knows the socket's real peer. Next's route
// handlers and proxy.ts see only headers, and any client can write X-Forwarded-For; so every
// request's `x-callboard-peer` is dropped and rewritten from `socket.remoteAddress`, and the
// process is marked as served this way (lib/server/peer-address.ts believes the header only
// then). CALLBOARD_AUTH_PROXY_IPS is checked against that address.
//
// Standalone output (`output: 'standalone'`): copy this file to `.next/standalone/` and run
// `node serve.mjs` there; beside a `.next` folder and without a next.config it reads the
// configuration the build wrote (.next/required-server-files.json), as Next's server.js does.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const PEER_HEADER = "x-callboard-peer";
const PEER_ENTRY_MARK = Symbol.for("callboard.peerHeaderFromSocket");

const here = path.dirname(fileURLToPath(import.meta.url));
// scripts/serve.mjs in a checkout; serve.mjs beside .next in a standalone folder.
const dir = existsSync(path.join(here, ".next")) ? here : path.dirname(here);
const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOSTNAME || undefined;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Callboard cannot start. PORT must be a whole number from 0 to 65535.`);
  process.exit(1);
}

/** The build's own configuration, when there is no next.config to load (standalone). */
function standaloneConfig() {
  const hasConfig = ["next.config.mjs", "next.config.js", "next.config.ts"].some((name) =>
    existsSync(path.join(dir, name)),
  );
  const files = path.join(dir, ".next", "required-server-files.json");
  if (hasConfig || !existsSync(files)) return undefined;
  /** @type {unknown} */
  const written = JSON.parse(readFileSync(files, "utf8"));
  const config =
    typeof written === "object" && written !== null && "config" in written
      ? written.config
      : undefined;
  if (typeof config !== "object" || config === null) {
    console.error(`Callboard cannot start. ${files} holds no configuration: build again.`);
    process.exit(1);
  }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return config;
}

// As `next start` does; the type marks NODE_ENV read-only (it is, once the build ran).
Object.assign(process.env, { NODE_ENV: "production" });
const conf = standaloneConfig();
const app = next({ dir, dev: false, hostname, port, ...(conf ? { conf } : {}) });
const handle = app.getRequestHandler();
await app.prepare();
/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[PEER_ENTRY_MARK] =
  true;

const server = createServer((req, res) => {
  // Whatever the client wrote under this name (in any case, repeated) goes; the socket's word stays.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i]?.toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
  }
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  req.rawHeaders.push(PEER_HEADER, req.socket.remoteAddress ?? "");
  void handle(req, res);
});
server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? address.port : port;
  console.log(`Callboard: listening on http://${hostname ?? "localhost"}:${shown}`);
});

for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    // whatever still holds the event loop (a database worker, the sync), it ends within 5 s
    setTimeout(() => process.exit(0), 5_000).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}
