import type { AuthConfig } from "./config";
import { ROLES, type Role } from "./roles";

/**
 * What the sign-in page offers, from the configuration. Pure (the configuration is passed
 * in), so the page stays a thin composition and the choice is tested here.
 */
export interface LoginOptions {
  mode: "demo" | "live";
  /** Demo mode: one-click sign-ins, one per role. */
  demoRoles: readonly Role[];
  /** The e-mail and password form (local users; in demo mode, the demo accounts). */
  password: boolean;
  /** "Sign in with <name>" for the OpenID Connect provider. */
  provider: { id: string; name: string } | undefined;
  /** Live mode in which no person can sign in: the page says how to configure a method. */
  notConfigured: boolean;
  /** API tokens are configured (scripts can work even while people cannot sign in). */
  apiTokens: boolean;
}

export function loginOptions(
  config: Pick<AuthConfig, "mode" | "methods" | "oidc">,
  /** Whether the database holds local users (known once it is open). */
  hasLocalUsers: boolean,
): LoginOptions {
  const demo = config.mode === "demo";
  const provider = config.oidc
    ? { id: config.oidc.providerId, name: config.oidc.displayName }
    : undefined;
  const notConfigured =
    !demo && provider === undefined && !config.methods.includes("auth-proxy") && !hasLocalUsers;
  return {
    mode: config.mode,
    demoRoles: demo ? ROLES : [],
    password: !notConfigured,
    provider,
    notConfigured,
    apiTokens: config.methods.includes("api-tokens"),
  };
}
