/**
 * Whether a request carries a session cookie — the proxy's part of the session check (the
 * route wrapper verifies the session itself).
 *
 * No sessions exist before Better Auth is wired, so no request has one and the gate lets
 * nobody in by cookie. The next step replaces the body with Better Auth's own check,
 * `getSessionCookie(request) !== null` from "better-auth/cookies" (it reads the
 * `better-auth.session_token` cookie, `__Secure-` prefixed over HTTPS).
 */
export function hasSessionCookie(_request: Request): boolean {
  return false;
}
