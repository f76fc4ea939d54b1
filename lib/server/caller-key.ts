import "server-only";

import { bearerToken, findEnvToken } from "@/lib/auth/api-tokens";
import { authConfig } from "@/lib/auth/config";
import type { Principal } from "@/lib/auth/principal";

import { peerAddress } from "./peer-address";

/**
 * Who is calling, as an opaque key for per-caller limits (recording look-ups) and the
 * governor's fair share: a configured API token's label, else the socket's peer address.
 * A Bearer value that is not a configured token does not count as one, so inventing tokens
 * does not buy a fresh budget. With the route's principal (withApi's `ctx.principal`), a user,
 * token or proxy user is its own key; demo visitors all share one principal, so each is
 * keyed by its address instead.
 */
export function callerKey(
  request: Request,
  principal?: Pick<Principal, "id" | "kind"> | null,
): string {
  if (principal && principal.kind !== "demo-visitor") return `principal:${principal.id}`;
  const token = findEnvToken(
    authConfig().apiTokens,
    bearerToken(request.headers.get("authorization")),
  );
  if (token) return `token:${token.label}`;
  return `peer:${peerAddress(request)}`;
}
