import type { ParseResult } from "@/lib/parse-result";

import { highestRole, isRole, type Role } from "./roles";

/**
 * Roles from an identity provider's groups (OIDC claim or the auth proxy's groups header),
 * through CALLBOARD_OIDC_ROLE_MAP and CALLBOARD_OIDC_DEFAULT_ROLE. Pure.
 */
export interface GroupRoleMapping {
  /** Group name (exact, case-sensitive as the provider sends it) → role. */
  map: ReadonlyMap<string, Role>;
  /** For someone signed in whose groups map to nothing; "none" refuses them. */
  defaultRole: Role | "none";
}

/**
 * `group:role,group:role`. The role follows the last colon, so group names may hold colons
 * (URNs, `realm:group`); they cannot hold commas.
 */
export function parseRoleMap(text: string): ParseResult<ReadonlyMap<string, Role>> {
  const map = new Map<string, Role>();
  const entries = text.split(",").map((e) => e.trim());
  for (const [index, entry] of entries.entries()) {
    if (entry === "" && entries.length === 1) break;
    const at = `entry ${index + 1}`;
    const colon = entry.lastIndexOf(":");
    const group = entry.slice(0, Math.max(colon, 0)).trim();
    const role = entry.slice(colon + 1).trim();
    if (colon < 0 || group === "") {
      return { ok: false, message: `${at} must be group:role, e.g. callboard-admins:admin` };
    }
    if (!isRole(role)) {
      return {
        ok: false,
        message: `${at} (${group}) has role "${role}"; use viewer, supervisor or admin`,
      };
    }
    const earlier = map.get(group);
    if (earlier !== undefined && earlier !== role) {
      return { ok: false, message: `group ${group} is mapped to both ${earlier} and ${role}` };
    }
    map.set(group, role);
  }
  return { ok: true, value: map };
}

/**
 * The role of someone in `groups`: the highest mapped role, else the default; null when the
 * default is "none" (they are refused).
 */
export function roleForGroups(groups: readonly string[], mapping: GroupRoleMapping): Role | null {
  const mapped = highestRole(
    groups.map((g) => mapping.map.get(g)).filter((r): r is Role => r !== undefined),
  );
  if (mapped) return mapped;
  return mapping.defaultRole === "none" ? null : mapping.defaultRole;
}

/**
 * The groups in an id_token's (or userinfo's) claims. `claim` is a top-level name first (Auth0
 * uses URLs with dots as claim names), else a dotted path (Keycloak's `realm_access.roles`).
 * Providers send an array of strings, a single string, or a space/comma separated string.
 */
export function groupsFromClaims(
  claims: Readonly<Record<string, unknown>>,
  claim: string,
): string[] {
  const value = Object.hasOwn(claims, claim) ? claims[claim] : readPath(claims, claim.split("."));
  return groupList(value);
}

/** The auth proxy's groups header: comma separated, as Grafana's auth proxy reads it. */
export function groupsFromHeader(value: string | null | undefined): string[] {
  return value ? splitGroups(value, /,/) : [];
}

function readPath(source: unknown, path: readonly string[]): unknown {
  let here = source;
  for (const key of path) {
    if (typeof here !== "object" || here === null || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

function groupList(value: unknown): string[] {
  if (typeof value === "string") return splitGroups(value, /[\s,]+/);
  if (Array.isArray(value)) {
    return value.filter((g): g is string => typeof g === "string" && g.trim() !== "");
  }
  return [];
}

function splitGroups(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((g) => g.trim())
    .filter((g) => g !== "");
}
