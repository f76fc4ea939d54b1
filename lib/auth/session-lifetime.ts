/**
 * Session lifetimes (CALLBOARD_SESSION_IDLE_MINUTES, CALLBOARD_SESSION_MAX_HOURS). Pure.
 *
 * Idle: Better Auth's session expiry, pushed forward to "now + idle" when the session is used
 * and its last push is older than `refreshEverySeconds(idle)` — so a session ends between
 * 90 % and 100 % of the idle lifetime after its last use. Absolute: no push goes past
 * creation + the absolute lifetime, and a session older than that is refused and deleted.
 */

/** How often the expiry is pushed forward: a tenth of the idle lifetime, within 1 min … 1 h. */
export function refreshEverySeconds(idleSeconds: number): number {
  return Math.min(3600, Math.max(60, Math.floor(idleSeconds / 10)));
}

/** `expiresAt`, but never later than `createdAt` + the absolute lifetime. */
export function clampToAbsolute(expiresAt: Date, createdAt: Date, absoluteSeconds: number): Date {
  const limit = createdAt.getTime() + absoluteSeconds * 1000;
  return expiresAt.getTime() > limit ? new Date(limit) : expiresAt;
}

/** Whether a session created at `createdAt` has outlived the absolute lifetime at `now`. */
export function pastAbsoluteLifetime(
  createdAt: Date,
  absoluteSeconds: number,
  now: number,
): boolean {
  return now >= createdAt.getTime() + absoluteSeconds * 1000;
}
