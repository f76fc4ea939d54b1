import "server-only";

import { actorOf } from "@/lib/audit/record";

import { principalSubject, type Principal } from "./principal";
import type { ChangeOptions } from "./users";

/** A change made through the admin routes: who (for the audit trail), from where, and who "self" is. */
export function adminChange(
  principal: Principal,
  request: Request,
): ChangeOptions & { self?: string } {
  return {
    actor: actorOf(principal),
    source: principal.kind === "token" ? "API token" : "admin page",
    from: request.headers,
    self: principal.kind === "user" ? (principalSubject(principal) ?? undefined) : undefined,
  };
}
