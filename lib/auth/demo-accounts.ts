import type { Role } from "./roles";

/**
 * Demo mode's accounts, one per role, for the one-click demo sign-ins. Public on purpose:
 * they exist only in demo mode's own database, over simulated data.
 */
export const DEMO_PASSWORD = "callboard-demo";

export function demoEmail(role: Role): string {
  return `${role}@demo.callboard.invalid`;
}
