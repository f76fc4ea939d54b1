/**
 * Who may do what, as data (issue 7, "Roles, enforced on the server"). Pure: the UI reads it to
 * hide what a role cannot do, the server to refuse it anyway.
 */

/** Ordered from least to most: each role may do everything the ones before it may. */
export const ROLES = ["viewer", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Each permission with the least role that holds it. */
export const PERMISSIONS = {
  /** Calls, KPIs, charts and call details. */
  "calls.view": "viewer",
  "recordings.play": "supervisor",
  "review.work": "supervisor",
  "callbacks.work": "supervisor",
  "recordings.download": "admin",
  "calls.export": "admin",
  "audit.read": "admin",
  "users.manage": "admin",
  "tokens.manage": "admin",
  /** The call store's sync page and re-sync. */
  "sync.manage": "admin",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

/** In demo mode a visitor who has not signed in may do everything an admin may. */
export const DEMO_VISITOR_ROLE: Role = "admin";

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(PERMISSIONS, value);
}

function rank(role: Role): number {
  return ROLES.indexOf(role);
}

/** Whether `role` is `minimum` or above it. */
export function atLeast(role: Role, minimum: Role): boolean {
  return rank(role) >= rank(minimum);
}

/** Whether someone with `role` may do `permission`; no role (signed out, refused) may do nothing. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && atLeast(role, PERMISSIONS[permission]);
}

/** Every permission of a role, in the order of PERMISSIONS. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

/** The most powerful of several roles (a user in two mapped groups gets the higher one). */
export function highestRole(roles: Iterable<Role>): Role | undefined {
  let best: Role | undefined;
  for (const role of roles) if (best === undefined || rank(role) > rank(best)) best = role;
  return best;
}
