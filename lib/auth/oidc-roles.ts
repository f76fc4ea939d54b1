import "server-only";

import { recordAudit } from "@/lib/audit/record";
import type { Database } from "@/lib/db";

import { OIDC_PROVIDER_ID } from "./auth-routes";
import type { AuthConfig } from "./config";
import { groupsFromClaims, roleForGroups } from "./group-roles";
import { isRole, type Role } from "./roles";
import { signInContext } from "./sign-in-context";

/**
 * Single sign-on users' roles come from their groups on every sign-in: the role is worked out
 * while Better Auth checks the provider's profile (`user.validateUserInfo`), refused there when
 * nothing maps and the default is "none", and written when the user is created or the session
 * opens.
 */
export const ROLE_REFUSED = "role_refused";

interface ProvisioningSource {
  method: string;
  oauth?: { providerId: string; profile?: Record<string, unknown> } | undefined;
}

export function oidcRoleOf(config: AuthConfig, profile: Record<string, unknown>): Role | null {
  return roleForGroups(
    groupsFromClaims(profile, config.oidc?.rolesClaim ?? "groups"),
    config.groupRoles,
  );
}

/** For `user.validateUserInfo`: refuses, or remembers the role for this request's hooks. */
export function checkOidcProfile(config: AuthConfig, source: ProvisioningSource) {
  if (source.method !== "oauth" || source.oauth?.providerId !== OIDC_PROVIDER_ID) return undefined;
  const role = oidcRoleOf(config, source.oauth.profile ?? {});
  if (!role) {
    return {
      error: ROLE_REFUSED,
      errorDescription: "none of this account's groups maps to a Callboard role",
    };
  }
  const context = signInContext();
  if (context) context.oidcRole = role;
  return undefined;
}

/** For `databaseHooks.user.create.before`: a new single sign-on user starts with the mapped role. */
export function withMappedRole<T extends Record<string, unknown>>(user: T): T {
  const role = signInContext()?.oidcRole;
  return role ? { ...user, role } : user;
}

interface UserStore {
  findUserById(id: string): Promise<{ id: string; email: string; role?: unknown } | null>;
  updateUser(id: string, data: Record<string, unknown>): Promise<unknown>;
}

/** For `databaseHooks.session.create.before`: a returning user gets the role their groups map to now. */
export async function applyMappedRole(
  db: Database,
  users: UserStore,
  userId: string,
  from?: Headers,
) {
  const role = signInContext()?.oidcRole;
  if (!role) return;
  const current = await users.findUserById(userId);
  if (!current || current.role === role) return;
  await users.updateUser(userId, { role });
  await recordAudit(db, {
    actor: { kind: "user", id: current.id, label: current.email },
    action: "user.role",
    target: current.id,
    details: {
      from: isRole(current.role) ? current.role : null,
      to: role,
      source: "sign-on groups",
    },
    from,
  });
}
