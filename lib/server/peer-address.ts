import "server-only";

import { isIP } from "node:net";

/**
 * The address of the socket a request came in on. Next's route handlers and proxy.ts see
 * only headers, and any client can write `X-Forwarded-For`; so the production entry
 * (scripts/serve.mjs) drops whatever `x-callboard-peer` a client sent, writes the socket's
 * own `remoteAddress` there, and marks the process as served by it. Without that mark
 * (`next dev`, a bare `next start`) the header is not believed: the peer is "unknown".
 *
 * For CALLBOARD_AUTH_PROXY_IPS (check `isTrustedAddress(peerAddress(request), ranges)`) and
 * as the fallback caller key of per-caller limits (caller-key.ts).
 */
export const PEER_HEADER = "x-callboard-peer";
/** Set to true by scripts/serve.mjs; keep the two spellings in step. */
export const PEER_ENTRY_MARK = Symbol.for("callboard.peerHeaderFromSocket");
export const UNKNOWN_PEER = "unknown";

export function peerAddress(request: Request): string {
  return peerAddressOf(request.headers);
}

/** `peerAddress` for code that has only the headers (proxy.ts, Better Auth's hooks). */
export function peerAddressOf(headers: Headers): string {
  if ((globalThis as { [PEER_ENTRY_MARK]?: unknown })[PEER_ENTRY_MARK] !== true)
    return UNKNOWN_PEER;
  const value = headers.get(PEER_HEADER)?.trim() ?? "";
  return isIP(value) === 0 ? UNKNOWN_PEER : value;
}
