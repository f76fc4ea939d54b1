import type { AuthConfig, SignInMethod } from "./config";

/**
 * What the sign-in gate demands of a request, for the whole process. Pure.
 *
 * - open: everyone in (demo mode, badged);
 * - sign-in: pages need a session, /api/* a session or an API token;
 * - closed: live mode with no sign-in method at all serves no data, only the page that says
 *   which variables or command configure one.
 */
export type AccessPolicy = "open" | "sign-in" | "closed";

/** The environment's methods, plus local users once the database holds one. */
export type AccessMethod = SignInMethod | "local-users";

/** The one switch of the gate. */
export function accessPolicy(
  mode: "demo" | "live",
  methods: readonly AccessMethod[],
): AccessPolicy {
  if (mode === "demo") return "open";
  return methods.length > 0 ? "sign-in" : "closed";
}

/** The configuration's methods, with local users when there are any. */
export function accessMethods(
  config: Pick<AuthConfig, "methods">,
  localUsers: number,
): AccessMethod[] {
  return localUsers > 0 ? [...config.methods, "local-users"] : [...config.methods];
}

const METHOD_NAMES: Record<AccessMethod, (config: AuthConfig, localUsers: number) => string> = {
  oidc: (c) => `OpenID Connect (${c.oidc?.displayName ?? "?"})`,
  "api-tokens": (c) => `${c.apiTokens.length} API token${c.apiTokens.length === 1 ? "" : "s"}`,
  "auth-proxy": (c) => `auth proxy (${c.authProxy?.userHeader ?? "?"})`,
  "local-users": (_, n) => `${n} local user${n === 1 ? "" : "s"}`,
};

export const SIGN_IN_HELP =
  "configure CALLBOARD_OIDC_ISSUER/_CLIENT_ID/_CLIENT_SECRET, CALLBOARD_API_TOKENS or CALLBOARD_AUTH_PROXY_HEADER/_IPS, or add a user with `npm run users -- add <email> --role admin`";

/** The start-up log line about access: said once, so an operator sees what is exposed. */
export function describeAccess(config: AuthConfig, localUsers = 0): string {
  const methods = accessMethods(config, localUsers);
  if (config.mode === "demo") return "access: open to everyone (demo mode; demo sign-ins per role)";
  if (accessPolicy(config.mode, methods) === "sign-in") {
    return `access: sign-in required — ${methods.map((m) => METHOD_NAMES[m](config, localUsers)).join(", ")}`;
  }
  return `access: no sign-in method is configured, so no data is served; ${SIGN_IN_HELP}`;
}
