import "server-only";

import { promises as dns } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";

import { internalAddressKind } from "@/lib/security/internal-addresses";

import { RecordingError } from "./recording-errors";

/**
 * One request to a recording server, redirects not followed (recording-fetch.ts follows
 * them, re-checking each). Only the headers given are sent: never the browser's cookies or
 * authorization.
 */
export type RecordingHop = (
  url: URL,
  init: { headers: Readonly<Record<string, string>>; signal: AbortSignal },
) => Promise<Response>;

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface GuardedHopOptions {
  /** Name → addresses; the system resolver (getaddrinfo, so /etc/hosts too) by default. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Why an address may not be reached, or undefined when it may. */
  refuse?: (address: string) => string | undefined;
}

const systemResolve = (hostname: string) => dns.lookup(hostname, { all: true, verbatim: true });

class AddressRefused extends Error {}

/**
 * Live mode's hop, over node:http(s). A host name is resolved once, inside the socket's own
 * lookup: every address it resolves to is checked (any internal one refuses the host) and the
 * socket connects to exactly the addresses checked, so a DNS answer that changes between a
 * check and the connection (rebinding) cannot slip an internal address in. An IP literal
 * skips the lookup: it reaches a hop only when CALLBOARD_RECORDING_HOSTS names it, which is
 * how an operator allows an internal recording server.
 */
export function guardedHttpHop(options: GuardedHopOptions = {}): RecordingHop {
  const resolve = options.resolve ?? systemResolve;
  const refuse = options.refuse ?? internalAddressKind;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const family =
      lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    resolve(hostname).then(
      (addresses) => {
        if (addresses.some((a) => refuse(a.address) !== undefined)) {
          return callback(new AddressRefused(), "", 0);
        }
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        const first = usable[0];
        if (!first) {
          return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "", 0);
        }
        if (lookupOptions.all) {
          (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, usable);
        } else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
  // Own pools: a socket in them was connected through this lookup, never through another.
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 32 }),
  };

  return (url, init) =>
    new Promise<Response>((resolveResponse, reject) => {
      const secure = url.protocol === "https:";
      const request = (secure ? https : http).request(
        {
          protocol: url.protocol,
          hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
          port: url.port || undefined,
          path: `${url.pathname}${url.search}`,
          method: "GET",
          headers: { ...init.headers },
          agent: secure ? agents.https : agents.http,
          lookup,
          signal: init.signal,
        },
        (res) => {
          try {
            resolveResponse(toResponse(res));
          } catch {
            res.destroy();
            reject(new RecordingError("upstream", { upstreamStatus: res.statusCode }));
          }
        },
      );
      request.once("error", (error) => {
        reject(error instanceof AddressRefused ? new RecordingError("address-refused") : error);
      });
      request.end();
    });
}

/** The answer as a Fetch Response (a status outside 200–599 throws: not a server we read). */
function toResponse(res: http.IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || name === "set-cookie") continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const status = res.statusCode ?? 0;
  const noBody = status === 204 || status === 205 || status === 304;
  if (noBody) res.resume();
  const body = noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
  return new Response(body, { status, headers });
}

/**
 * Demo mode's hop (and tests'): a Fetch function that is not the network — the in-process
 * simulator — asked not to follow redirects itself.
 */
export function fetchHop(fetchImpl: typeof fetch): RecordingHop {
  return (url, init) =>
    fetchImpl(url, {
      headers: init.headers,
      signal: init.signal,
      redirect: "manual",
      cache: "no-store",
    });
}
