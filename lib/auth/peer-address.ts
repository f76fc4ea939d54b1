import "server-only";

import { isIP } from "node:net";

/**
 * Where a request came from, in the two senses access control needs.
 *
 * SEAM (merge with the hardening branch): it adds `peerAddress(request)` in
 * lib/server/peer-address.ts — the socket's own address, written into a header by the
 * production server entry, which drops any copy a client sent. Point `trustedPeerAddress`
 * at it (and put that header first in CLIENT_ADDRESS_HEADERS); nothing else changes.
 */

/**
 * The socket peer's address, only when nobody but the server could have written it (the
 * auth proxy's headers are believed from CALLBOARD_AUTH_PROXY_IPS only). A bare
 * `next start` exposes no such address to route handlers, so until the production entry
 * exists there is none, and the auth proxy's headers are never believed: it fails closed.
 */
export function trustedPeerAddress(_headers: Headers): string | undefined {
  return undefined;
}

/**
 * Headers Better Auth reads the client's address from (its sign-in rate limit counts per
 * address). `next start` writes the socket's address into X-Forwarded-For unless the
 * client sent one.
 */
export const CLIENT_ADDRESS_HEADERS = ["x-forwarded-for"] as const;

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
