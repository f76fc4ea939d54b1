import "server-only";

import { isIP } from "node:net";

import { PEER_HEADER, peerAddressOf, UNKNOWN_PEER } from "@/lib/server/peer-address";

/** Where a request came from, in the two senses access control needs. */

/**
 * The socket peer's address, only when nobody but the server could have written it (the
 * auth proxy's headers are believed from CALLBOARD_AUTH_PROXY_IPS only): the production
 * entry (scripts/serve.mjs) writes it and drops any copy a client sent. Under a bare
 * `next start` or `next dev` there is none, and the auth proxy's headers are never
 * believed: it fails closed.
 */
export function trustedPeerAddress(headers: Headers): string | undefined {
  const peer = peerAddressOf(headers);
  return peer === UNKNOWN_PEER ? undefined : peer;
}

/**
 * Headers Better Auth reads the client's address from (its sign-in rate limit counts per
 * address): the socket's own, when the production entry wrote it, before X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADERS = [PEER_HEADER, "x-forwarded-for"] as const;

/** The client's address as best known, for the audit trail ("from where"). */
export function clientAddress(headers: Headers): string | undefined {
  const trusted = trustedPeerAddress(headers);
  if (trusted) return trusted;
  for (const name of CLIENT_ADDRESS_HEADERS) {
    const first = headers.get(name)?.split(",")[0]?.trim();
    if (first && isIP(first) !== 0) return first;
  }
  return undefined;
}
