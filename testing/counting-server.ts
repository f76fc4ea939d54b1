import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on loopback that notes every request it gets: the target of an SSRF
 * attempt (which must see none), or a recording server (which must see only what is sent).
 */
export interface CountingServer {
  /** Origin with the address it listens on, e.g. http://127.0.0.1:40123. */
  url: string;
  port: number;
  requests: { method: string; path: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

export async function startCountingServer(
  host = "127.0.0.1",
  handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("secret internal page");
  },
  port = 0,
): Promise<CountingServer> {
  const requests: CountingServer["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers });
    handle(req, res);
  });
  // `::` with dual stack answers on 127.0.0.1 and ::1 alike.
  await new Promise<void>((resolve) =>
    server.listen({ port, host, ipv6Only: false }, () => resolve()),
  );
  const address = server.address() as AddressInfo;
  const shown = host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
