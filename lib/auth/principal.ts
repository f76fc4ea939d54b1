import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./roles";

/**
 * Who is asking: the one answer every page and /api route gets from the server (see
 * get-principal.ts). Pure, so the browser's role context uses the same type.
 */
export type PrincipalKind = "user" | "token" | "proxy" | "demo-visitor";

export interface Principal {
  kind: PrincipalKind;
  /**
   * Unique across kinds and stable for the same caller (`user:<id>`, `token:<id>`,
   * `token:env-<n>` for CALLBOARD_API_TOKENS' n-th, `proxy:<name>`, `demo-visitor`): usable as an owner key, e.g. for a
   * caller's share of the upstream budget.
   */
  id: string;
  /** What a person reads: an e-mail, a token's name, the proxy's user name. */
  label: string;
  role: Role;
}

/** The principal as the browser gets it: enough to show who is signed in and hide what the role cannot do. */
export interface ClientPrincipal {
  kind: PrincipalKind;
  label: string;
  role: Role;
  mode: "demo" | "live";
}

export function principalId(kind: PrincipalKind, subject: string): string {
  return kind === "demo-visitor" ? kind : `${kind}:${subject}`;
}

/** The id without its kind (a user's or token's own id), for the audit trail. */
export function principalSubject(principal: Pick<Principal, "id" | "kind">): string | null {
  if (principal.kind === "demo-visitor") return null;
  return principal.id.slice(principal.id.indexOf(":") + 1);
}

/** What each permission lets one do, as the end of "may not …". */
const ACTIONS: Record<Permission, string> = {
  "calls.view": "see calls, KPIs, charts or call details",
  "recordings.play": "play recordings",
  "review.work": "work the review queue",
  "callbacks.work": "work the callback list",
  "recordings.download": "download recordings",
  "calls.export": "export calls",
  "audit.read": "read the audit trail",
  "users.manage": "manage users",
  "tokens.manage": "manage API tokens",
  "sync.manage": "manage the call store's sync",
};

/** The 403 sentence: what the role lacks and which roles have it. */
export function forbiddenMessage(role: Role, permission: Permission): string {
  const holders = ROLES.filter((r) => can(r, permission));
  const needs = PERMISSIONS[permission];
  return `the ${role} role may not ${ACTIONS[permission]}: that needs the ${needs} role${holders.length > 1 ? " or above" : ""}`;
}
