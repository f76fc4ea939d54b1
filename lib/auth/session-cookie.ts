import { getSessionCookie } from "better-auth/cookies";

/**
 * Whether a request carries a session cookie — the proxy's part of the session check (the
 * route wrapper verifies the session itself). Better Auth's own reading of its cookie
 * (`better-auth.session_token`, `__Secure-` prefixed over HTTPS).
 */
export function hasSessionCookie(request: Request | Headers): boolean {
  return getSessionCookie(request) !== null;
}
