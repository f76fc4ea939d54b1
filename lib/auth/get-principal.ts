import "server-only";

import { getDatabase, type Database } from "@/lib/db";

import { accessMethods, accessPolicy, type AccessPolicy } from "./access-policy";
import { localUserCount } from "./access-state";
import { bearerToken, findEnvToken } from "./api-tokens";
import { getAuth } from "./auth";
import type { CallboardAuth } from "./better-auth";
import { authConfig, type AuthConfig } from "./config";
import { findDbToken } from "./db-tokens";
import { groupsFromHeader, roleForGroups } from "./group-roles";
import { trustedPeerAddress } from "./peer-address";
import { principalId, type Principal } from "./principal";
import { DEMO_VISITOR_ROLE, isRole } from "./roles";
import { hasSessionCookie } from "./session-cookie";
import { pastAbsoluteLifetime } from "./session-lifetime";
import { noteTokenUse } from "./token-use";
import { isTrustedAddress } from "./trusted-proxies";

/**
 * Who is asking, from (in order) a Bearer API token (the environment's, then the
 * database's), the auth proxy's header (only from its trusted addresses), the Better Auth
 * session; in demo mode a visitor without any of them acts as an admin.
 */
export interface AccessRequest {
  headers: Headers;
  method?: string;
  /** The path asked for (for a token's audit entry). */
  path?: string;
}

export interface Resolution {
  policy: AccessPolicy;
  principal: Principal | null;
  /** Why a credential that was presented did not count. */
  refusal?: "bad-token" | "no-role";
  /** Cookies to send back (the session's refreshed expiry, or an ended session's removal). */
  setCookies: string[];
}

/** What the checks read: the process's own by default, a test's own in tests. */
export interface AccessDeps {
  config: AuthConfig;
  auth: () => Promise<CallboardAuth>;
  db: () => Promise<Database>;
  localUsers: () => Promise<number>;
  now: () => number;
  /** The socket peer's address when it can be trusted (see peer-address.ts). */
  peer: (headers: Headers) => string | undefined;
}

function processDeps(): AccessDeps {
  return {
    config: authConfig(),
    auth: getAuth,
    db: getDatabase,
    localUsers: localUserCount,
    now: Date.now,
    peer: trustedPeerAddress,
  };
}

export async function currentPolicy(
  deps: Pick<AccessDeps, "config" | "localUsers"> = processDeps(),
): Promise<AccessPolicy> {
  const { config } = deps;
  if (config.mode === "demo") return "open";
  return accessPolicy(config.mode, accessMethods(config, await deps.localUsers()));
}

/** A session's user, or null; a disabled user's or an outlived session is ended here. */
async function fromSession(
  deps: AccessDeps,
  request: AccessRequest,
  refresh: boolean,
): Promise<Omit<Resolution, "policy">> {
  const auth = await deps.auth();
  const result = await auth.api.getSession({
    headers: request.headers,
    query: { disableRefresh: !refresh },
    returnHeaders: true,
  });
  const setCookies = result.headers.getSetCookie();
  const current = result.response;
  if (!current) return { principal: null, setCookies };
  const { session, user } = current;
  const context = await auth.$context;
  if (user.banned) {
    await context.internalAdapter.deleteUserSessions(user.id);
    return { principal: null, setCookies };
  }
  if (
    pastAbsoluteLifetime(
      new Date(session.createdAt),
      deps.config.session.absoluteSeconds,
      deps.now(),
    )
  ) {
    await context.internalAdapter.deleteSession(session.token);
    return { principal: null, setCookies };
  }
  if (!isRole(user.role)) return { principal: null, refusal: "no-role", setCookies };
  return {
    principal: {
      kind: "user",
      id: principalId("user", user.id),
      label: user.email,
      role: user.role,
    },
    setCookies,
  };
}

async function fromToken(
  { config, db: database, now }: AccessDeps,
  request: AccessRequest,
  token: string,
): Promise<Principal | null> {
  const env = findEnvToken(config.apiTokens, token);
  const db = await database();
  if (env) {
    const n = config.apiTokens.indexOf(env) + 1;
    const principal: Principal = {
      kind: "token",
      id: principalId("token", `env-${n}`),
      label: env.label,
      role: env.role,
    };
    noteTokenUse(db, principal, request, undefined, now());
    return principal;
  }
  const stored = await findDbToken(db, token);
  if (!stored) return null;
  const principal: Principal = {
    kind: "token",
    id: principalId("token", stored.id),
    label: stored.name,
    role: stored.role,
  };
  noteTokenUse(db, principal, request, stored.id, now());
  return principal;
}

function fromAuthProxy(
  { config, peer }: AccessDeps,
  headers: Headers,
): Omit<Resolution, "policy"> | undefined {
  const proxy = config.authProxy;
  if (!proxy) return undefined;
  const name = headers.get(proxy.userHeader)?.trim();
  if (!name || !isTrustedAddress(peer(headers), proxy.trustedProxies)) return undefined;
  const groups = proxy.groupsHeader ? groupsFromHeader(headers.get(proxy.groupsHeader)) : [];
  const role = roleForGroups(groups, config.groupRoles);
  if (!role) return { principal: null, refusal: "no-role", setCookies: [] };
  const label = name.slice(0, 320);
  return {
    principal: { kind: "proxy", id: principalId("proxy", label), label, role },
    setCookies: [],
  };
}

/**
 * The whole answer for one request. `surface: "page"` ignores API tokens (they are for
 * /api/* only) and never refreshes the session (a page render cannot set cookies).
 */
export async function resolveAccess(
  request: AccessRequest,
  surface: "api" | "page",
  deps: AccessDeps = processDeps(),
): Promise<Resolution> {
  const policy = await currentPolicy(deps);
  if (policy === "closed") return { policy, principal: null, setCookies: [] };
  const authorization = request.headers.get("authorization");
  const token = bearerToken(authorization);
  if (surface === "api" && token !== undefined) {
    const principal = await fromToken(deps, request, token);
    return principal
      ? { policy, principal, setCookies: [] }
      : { policy, principal: null, refusal: "bad-token", setCookies: [] };
  }
  const proxied = fromAuthProxy(deps, request.headers);
  if (proxied) return { policy, ...proxied };
  let setCookies: string[] = [];
  if (hasSessionCookie(request.headers)) {
    const session = await fromSession(deps, request, surface === "api");
    if (session.principal || policy !== "open") return { policy, ...session };
    setCookies = session.setCookies;
  }
  if (policy === "open") {
    const visitor: Principal = {
      kind: "demo-visitor",
      id: principalId("demo-visitor", ""),
      label: "demo visitor",
      role: DEMO_VISITOR_ROLE,
    };
    return { policy, principal: visitor, setCookies };
  }
  return { policy, principal: null, setCookies };
}

/** The principal of an /api request, or null (server-only; see `withApi` for the checks). */
export async function getPrincipal(request: Request): Promise<Principal | null> {
  const { pathname } = new URL(request.url);
  return (
    await resolveAccess({ headers: request.headers, method: request.method, path: pathname }, "api")
  ).principal;
}
