import "server-only";

import { accessPolicy, type AccessPolicy } from "./access-policy";
import { bearerToken, findEnvToken } from "./api-tokens";
import { authConfig } from "./config";

/**
 * What proxy.ts needs from the configuration, read once per process (the proxy is bundled
 * apart from the route handlers, so it keeps its own copy; both come from the same env).
 */
export interface ProxySettings {
  policy: AccessPolicy;
  baseUrl: string | undefined;
  /** The OIDC provider's origin: sign-in forms are redirected through it. */
  formActionOrigins: readonly string[];
  /** Whether the request carries an API credential the proxy accepts. */
  hasApiCredential(headers: Headers): boolean;
}

let cached: ProxySettings | undefined;

export function proxySettings(): ProxySettings {
  if (cached) return cached;
  const config = authConfig();
  cached = {
    policy: accessPolicy(config.mode, config.methods),
    baseUrl: config.baseUrl,
    formActionOrigins: config.oidc ? [new URL(config.oidc.issuer).origin] : [],
    // Today the environment's tokens are the only ones, so the proxy can check them fully.
    // Once admins create tokens in the database, any Bearer passes here and the route
    // wrapper checks it.
    hasApiCredential: (headers) =>
      findEnvToken(config.apiTokens, bearerToken(headers.get("authorization"))) !== undefined,
  };
  return cached;
}
