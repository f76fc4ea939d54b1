import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { SimulatorConfig } from "./config";
import { createSimulator, type Simulator } from "./handler";

/** The simulator behind node:http, for the standalone CLI and tests over real HTTP. */

export interface SimulatorServerOptions {
  config: SimulatorConfig;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /**
   * Answers a request before the simulator does, when it returns a Response (tests: an
   * upstream that hands out hostile links beside the simulator's own calls).
   */
  intercept?: (request: Request, origin: string) => Promise<Response | undefined>;
}

export interface SimulatorServer {
  /** Origin, e.g. "http://127.0.0.1:4010". */
  url: string;
  port: number;
  simulator: Simulator;
  close(): Promise<void>;
}

async function toRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  const method = req.method ?? "GET";
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? "/", origin), { method, headers, body, signal });
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on("close", () => {
    // The client went away (e.g. a seek in an <audio> element): stop producing bytes.
    if (!res.writableFinished) void reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    if (!res.write(value))
      await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
  }
  res.end();
}

export async function startSimulatorServer({
  config,
  port,
  host,
  intercept,
}: SimulatorServerOptions): Promise<SimulatorServer> {
  // Filled in once listening: the origin (and so RecordURLs) depends on the port given.
  const ready: { simulator?: Simulator; origin: string } = { origin: "" };
  const server = createServer((req, res) => {
    const aborter = new AbortController();
    res.on("close", () => aborter.abort());
    void (async () => {
      try {
        if (!ready.simulator) throw new Error("the simulator is not ready");
        const request = await toRequest(req, ready.origin, aborter.signal);
        const response =
          (await intercept?.(request.clone(), ready.origin)) ??
          (await ready.simulator.handle(request, req.socket.remoteAddress ?? ""));
        await sendResponse(response, res);
      } catch (error) {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal simulator error");
        } else res.destroy(error instanceof Error ? error : undefined);
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const origin = `http://${hostInUrl}:${address.port}`;
  const simulator = createSimulator({ ...config, publicBaseUrl: config.publicBaseUrl || origin });
  ready.origin = origin;
  ready.simulator = simulator;

  return {
    url: origin,
    port: address.port,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
