import "server-only";

import { authConfig } from "@/lib/auth/config";
import { crossOriginRefusal } from "@/lib/security/origin-check";

import { ApiError, errorToResponse } from "./api-error";
import { createServerLog, type ServerLog } from "./log";

/**
 * Every `/api/*` handler runs inside `withApi`, as dub's handlers run inside
 * `withWorkspace`: the handler does its work and throws; the wrapper turns what it threw into
 * the one error envelope (bad parameters, upstream and recording failures, timeouts), logs
 * only the unexpected — with the account code scrubbed — and answers a bare 500 for it.
 */

export interface ApiContext<Params> {
  /** The route's dynamic segments, already awaited. */
  params: Params;
  /** Lines written here never contain the account code. */
  log: ServerLog;
}

/** How a route is guarded; the access-control step adds who may call it (`role`) here. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by access control
export interface ApiOptions {}

export type ApiHandler<Params> = (
  request: Request,
  ctx: ApiContext<Params>,
) => Response | Promise<Response>;

/** What Next.js calls: the request and, for dynamic routes, the segment's params. */
export type RouteHandler<Params> = (
  request: Request,
  segment?: { params: Promise<Params> },
) => Promise<Response>;

export function withApi<Params extends Record<string, string> = Record<string, never>>(
  handler: ApiHandler<Params>,
  _options: ApiOptions = {},
): RouteHandler<Params> {
  return async (request, segment) => {
    const log = createServerLog();
    try {
      const params = segment ? await segment.params : ({} as Params);
      const crossSite = crossOriginRefusal(request, authConfig().baseUrl);
      if (crossSite) throw new ApiError("origin_not_allowed", crossSite);
      // Access control: the session check goes here (ctx.principal, or 401/403 for options.role).
      return await handler(request, { params, log });
    } catch (error) {
      return errorToResponse(error, log);
    }
  };
}
