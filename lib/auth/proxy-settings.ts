import "server-only";

import { accessMethods, accessPolicy, type AccessPolicy } from "./access-policy";
import { localUserCount } from "./access-state";
import { bearerToken } from "./api-tokens";
import { authConfig } from "./config";

/**
 * What proxy.ts needs from the configuration, read once per process (the proxy is bundled
 * apart from the route handlers, so it keeps its own copy; both come from the same env).
 */
export interface ProxySettings {
  /** The environment's methods plus local users, whom the handlers' side counts. */
  policy(): Promise<AccessPolicy>;
  baseUrl: string | undefined;
  /** The OIDC provider's origin: sign-in forms are redirected through it. */
  formActionOrigins: readonly string[];
  /**
   * Whether the request carries an API credential worth checking. Admins create tokens in
   * the database, which the proxy does not open: any Bearer passes here, and the route
   * wrapper checks it against both kinds.
   */
  hasApiCredential(headers: Headers): boolean;
}

let cached: ProxySettings | undefined;

export function proxySettings(): ProxySettings {
  if (cached) return cached;
  const config = authConfig();
  cached = {
    policy: async () =>
      config.mode === "demo"
        ? "open"
        : accessPolicy(config.mode, accessMethods(config, await localUserCount())),
    baseUrl: config.baseUrl,
    formActionOrigins: config.oidc ? [new URL(config.oidc.issuer).origin] : [],
    hasApiCredential: (headers) => bearerToken(headers.get("authorization")) !== undefined,
  };
  return cached;
}
