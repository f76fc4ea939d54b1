import type { AuthConfig, SignInMethod } from "./config";

/**
 * What the sign-in gate demands of a request, for the whole process. Pure.
 *
 * - open: everyone in (demo mode, badged; and, until sign-in is wired, live mode without a
 *   sign-in method, as before issue 7);
 * - sign-in: pages need a session, /api/* a session or an API token;
 * - closed: live mode with no sign-in method at all serves no data, only the page that says
 *   which variables or command configure one.
 */
export type AccessPolicy = "open" | "sign-in" | "closed";

/**
 * The one switch of the gate. Live mode without a sign-in method stays open until Better
 * Auth's sign-in is wired (local users are a method then too); it becomes "closed" with it.
 */
export function accessPolicy(
  mode: "demo" | "live",
  methods: readonly SignInMethod[],
): AccessPolicy {
  if (mode === "demo") return "open";
  return methods.length > 0 ? "sign-in" : "open";
}

const METHOD_NAMES: Record<SignInMethod, (config: AuthConfig) => string> = {
  oidc: (c) => `OpenID Connect (${c.oidc?.displayName ?? "?"})`,
  "api-tokens": (c) => `${c.apiTokens.length} API token${c.apiTokens.length === 1 ? "" : "s"}`,
  "auth-proxy": (c) => `auth proxy (${c.authProxy?.userHeader ?? "?"})`,
};

export const SIGN_IN_HELP =
  "configure CALLBOARD_OIDC_ISSUER/_CLIENT_ID/_CLIENT_SECRET, CALLBOARD_API_TOKENS or CALLBOARD_AUTH_PROXY_HEADER/_IPS, or add a user with `npm run users -- add <email> --role admin`";

/** The start-up log line about access: said once, so an operator sees what is exposed. */
export function describeAccess(config: AuthConfig): string {
  const policy = accessPolicy(config.mode, config.methods);
  if (config.mode === "demo") return "access: open to everyone (demo mode; demo sign-ins per role)";
  if (policy === "sign-in") {
    return `access: sign-in required — ${config.methods.map((m) => METHOD_NAMES[m](config)).join(", ")}`;
  }
  if (policy === "closed")
    return `access: no sign-in method is configured, so no data is served; ${SIGN_IN_HELP}`;
  return `access: no sign-in method is configured and anyone who reaches this server sees the calls; ${SIGN_IN_HELP}`;
}
