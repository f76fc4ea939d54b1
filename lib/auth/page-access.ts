import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { authConfig } from "./config";
import { resolveAccess } from "./get-principal";
import { LOGIN_PATH, loginPathFor, PAGE_PATH_HEADER } from "./next-path";
import type { ClientPrincipal, Principal } from "./principal";
import { can, type Permission } from "./roles";

/**
 * The server-side check of every page (beside proxy.ts's): who is asking, or a redirect to
 * /login?next=<the whole URL>. Live mode with no sign-in method goes to the notice.
 */
export interface PageAccess {
  principal: Principal;
  /** What the browser's role context gets. */
  client: ClientPrincipal;
  /** Whether the role may do what the page is for. */
  allowed: boolean;
}

export async function pageAccess(permission: Permission): Promise<PageAccess> {
  const incoming = await headers();
  const path = incoming.get(PAGE_PATH_HEADER) ?? "/";
  const access = await resolveAccess({ headers: new Headers(incoming) }, "page");
  if (access.policy === "closed") redirect(LOGIN_PATH);
  const principal = access.principal;
  if (!principal) {
    redirect(
      access.refusal === "no-role" ? `${LOGIN_PATH}?error=role_refused` : loginPathFor(path),
    );
  }
  return {
    principal,
    client: {
      kind: principal.kind,
      label: principal.label,
      role: principal.role,
      mode: authConfig().mode,
    },
    allowed: can(principal.role, permission),
  };
}
