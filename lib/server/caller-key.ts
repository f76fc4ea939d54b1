import "server-only";

import { bearerToken, findEnvToken } from "@/lib/auth/api-tokens";
import { authConfig } from "@/lib/auth/config";

import { peerAddress } from "./peer-address";

/**
 * Who is calling, as an opaque key for per-caller limits (recording look-ups) and the
 * governor's fair share: a configured API token's label, else the socket's peer address.
 * A Bearer value that is not a configured token does not count as one, so inventing tokens
 * does not buy a fresh budget.
 *
 * SEAM (access control): once `withApi` knows the principal, pass its id here (a user or a
 * database token) — `callerKey(request, ctx.principal?.id)` — and the rest stays as it is.
 */
export function callerKey(request: Request, principalId?: string): string {
  if (principalId !== undefined) return `principal:${principalId}`;
  const token = findEnvToken(
    authConfig().apiTokens,
    bearerToken(request.headers.get("authorization")),
  );
  if (token) return `token:${token.label}`;
  return `peer:${peerAddress(request)}`;
}
