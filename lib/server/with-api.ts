import "server-only";

import { actorOf, recordAudit, type AuditEntry } from "@/lib/audit/record";
import { authConfig } from "@/lib/auth/config";
import { NOT_CONFIGURED_MESSAGE, UNAUTHORIZED_MESSAGE } from "@/lib/auth/gate";
import { resolveAccess } from "@/lib/auth/get-principal";
import { forbiddenMessage, type Principal } from "@/lib/auth/principal";
import { can, type Permission } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db";
import { crossOriginRefusal } from "@/lib/security/origin-check";

import { ApiError, errorToResponse } from "./api-error";
import { createServerLog, type ServerLog } from "./log";

/**
 * Every `/api/*` handler runs inside `withApi`, as dub's handlers run inside
 * `withWorkspace`: the wrapper checks who is asking and whether their role may (so a gap in
 * proxy.ts's matcher opens nothing), hands the handler `ctx.principal`, and turns what the
 * handler threw into the one error envelope (bad parameters, upstream and recording
 * failures, timeouts), logging only the unexpected — with the account code scrubbed — and
 * answering a bare 500 for it.
 */

/** Who may call a route: anyone (`public`), anyone signed in, or a role holding the permission. */
export type ApiAccess = Permission | "signed-in" | "public";

export interface ApiOptions {
  permission: ApiAccess;
}

export interface ApiContext<Params, P extends Principal | null = Principal> {
  /** The route's dynamic segments, already awaited. */
  params: Params;
  /** Who is asking; null only on public routes (which do not look). */
  principal: P;
  /** Lines written here never contain the account code. */
  log: ServerLog;
  /** Appends to the audit trail as this principal, from this request's address. */
  audit: (entry: Omit<AuditEntry, "actor" | "from">) => Promise<void>;
}

export type ApiHandler<Params, P extends Principal | null = Principal> = (
  request: Request,
  ctx: ApiContext<Params, P>,
) => Response | Promise<Response>;

/** What Next.js calls: the request and, for dynamic routes, the segment's params. */
export type RouteHandler<Params> = (
  request: Request,
  segment?: { params: Promise<Params> },
) => Promise<Response>;

type Params = Record<string, string>;

/** A public route: the handler gets no principal (it does not look). */
export function withApi<P extends Params = Record<string, never>>(
  handler: ApiHandler<P, Principal | null>,
  options: { permission: "public" },
): RouteHandler<P>;
/** A guarded route: 401 without a principal, 403 when the role lacks the permission. */
export function withApi<P extends Params = Record<string, never>>(
  handler: ApiHandler<P, Principal>,
  options: { permission: Permission | "signed-in" },
): RouteHandler<P>;
export function withApi<P extends Params>(
  handler: ApiHandler<P, Principal | null> | ApiHandler<P, Principal>,
  options: ApiOptions,
): RouteHandler<P> {
  return async (request, segment) => {
    const log = createServerLog();
    let setCookies: string[] = [];
    try {
      const params = segment ? await segment.params : ({} as P);
      const crossSite = crossOriginRefusal(request, authConfig().baseUrl);
      if (crossSite) throw new ApiError("origin_not_allowed", crossSite);
      let principal: Principal | null = null;
      const permission: ApiAccess = options.permission;
      if (permission !== "public") {
        const access = await resolveAccess(
          { headers: request.headers, method: request.method, path: new URL(request.url).pathname },
          "api",
        );
        setCookies = access.setCookies;
        if (access.policy === "closed")
          throw new ApiError("sign_in_not_configured", NOT_CONFIGURED_MESSAGE);
        principal = access.principal;
        if (!principal) {
          if (access.refusal === "no-role") {
            throw new ApiError(
              "forbidden",
              "your account has no Callboard role: ask an administrator",
            );
          }
          throw new ApiError("unauthorized", UNAUTHORIZED_MESSAGE, {
            headers: { "www-authenticate": 'Bearer realm="callboard"' },
          });
        }
        if (permission !== "signed-in" && !can(principal.role, permission)) {
          throw new ApiError("forbidden", forbiddenMessage(principal.role, permission));
        }
      }
      const who = principal;
      // the overloads tie a non-null principal to every guarded route, checked just above
      const run = handler as ApiHandler<P, Principal | null>;
      const response = await run(request, {
        params,
        principal: who,
        log,
        audit: async (entry) =>
          recordAudit(await getDatabase(), {
            ...entry,
            actor: actorOf(who),
            from: request.headers,
          }),
      });
      return withCookies(response, setCookies);
    } catch (error) {
      return withCookies(errorToResponse(error, log), setCookies);
    }
  };
}

/** The session's refreshed (or removed) cookie rides on whatever the handler answered. */
function withCookies(response: Response, cookies: readonly string[]): Response {
  if (cookies.length === 0) return response;
  try {
    for (const cookie of cookies) response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    // a response with immutable headers (a fetched body passed through): copy it
    const copy = new Response(response.body, response);
    for (const cookie of cookies) copy.headers.append("set-cookie", cookie);
    return copy;
  }
}
