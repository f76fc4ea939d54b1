import "server-only";

import {
  parseHostPatterns,
  patternForUrl,
  VOICENTER_RECORDING_HOSTS,
  type HostPattern,
} from "@/lib/security/host-allow-list";
import { EnvError, serverEnv } from "@/lib/server/env";

import type { EnvApiToken } from "./api-tokens";
import { OIDC_PROVIDER_ID } from "./auth-routes";
import {
  authEnvSchema,
  crossIssues,
  DEFAULTS,
  methodsOf,
  SECRET_MIN_LENGTH,
  type AuthEnv,
  type Issue,
  type SignInMethod,
} from "./config-schema";
import type { GroupRoleMapping } from "./group-roles";
import type { AddressRange } from "./trusted-proxies";

export { SECRET_MIN_LENGTH, type SignInMethod };

/**
 * The access-control configuration (issue 7), validated once at start-up beside the rest of
 * the environment. Holds secrets: server-only, never logged, never sent to the browser.
 */
export interface AuthConfig {
  mode: "demo" | "live";
  /** Signs sessions (Better Auth's secret). Required in live mode once a method is configured. */
  secret: string | undefined;
  /** The public origin (no trailing slash); Better Auth's base URL. Required like the secret. */
  baseUrl: string | undefined;
  oidc: OidcConfig | undefined;
  /** Groups → role, for the OIDC groups claim and the auth proxy's groups header alike. */
  groupRoles: GroupRoleMapping;
  apiTokens: readonly EnvApiToken[];
  authProxy: AuthProxyConfig | undefined;
  session: { idleSeconds: number; absoluteSeconds: number };
  auditRetentionDays: number;
  recordingHosts: readonly HostPattern[];
  /** What the environment configures; local users live in the database and are not listed. */
  methods: readonly SignInMethod[];
}

export interface OidcConfig {
  /** Better Auth's provider id: the callback is /api/auth/callback/<providerId>. */
  providerId: typeof OIDC_PROVIDER_ID;
  issuer: string;
  /** `<issuer>/.well-known/openid-configuration`. */
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** "Sign in with <displayName>"; default the issuer's host. */
  displayName: string;
  /** The claim holding the user's groups (top-level name or dotted path). */
  rolesClaim: string;
}

export interface AuthProxyConfig {
  /** Lowercase header carrying the signed-in user (e-mail or login). */
  userHeader: string;
  groupsHeader: string | undefined;
  /** Only requests from these addresses may set the headers. */
  trustedProxies: readonly AddressRange[];
}

export interface AuthConfigContext {
  mode: "demo" | "live";
  /** The Voicenter endpoint: its host may serve recordings too. */
  apiUrl: string;
}

/** Validates the access-control variables; throws an EnvError naming every wrong one. */
export function parseAuthConfig(
  source: Record<string, string | undefined>,
  context: AuthConfigContext,
): AuthConfig {
  const parsed = authEnvSchema.safeParse(source);
  const issues: Issue[] = parsed.success
    ? crossIssues(parsed.data, context.mode === "live")
    : parsed.error.issues.map((i) => [i.path.join(".") as keyof AuthEnv, i.message]);
  if (!parsed.success || issues.length > 0) {
    throw new EnvError(
      `Invalid environment:\n${issues.map(([name, message]) => `  ${name}: ${message}`).join("\n")}`,
    );
  }
  return assemble(parsed.data, context);
}

function assemble(env: AuthEnv, context: AuthConfigContext): AuthConfig {
  const methods = methodsOf(env);
  const {
    CALLBOARD_OIDC_ISSUER: issuer,
    CALLBOARD_OIDC_CLIENT_ID: clientId,
    CALLBOARD_OIDC_CLIENT_SECRET: clientSecret,
  } = env;
  const oidc =
    issuer && clientId && clientSecret
      ? {
          providerId: OIDC_PROVIDER_ID,
          issuer,
          discoveryUrl: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
          clientId,
          clientSecret,
          displayName: env.CALLBOARD_OIDC_NAME ?? new URL(issuer).host,
          rolesClaim: env.CALLBOARD_OIDC_ROLES_CLAIM ?? DEFAULTS.rolesClaim,
        }
      : undefined;
  const proxy =
    env.CALLBOARD_AUTH_PROXY_HEADER && env.CALLBOARD_AUTH_PROXY_IPS
      ? {
          userHeader: env.CALLBOARD_AUTH_PROXY_HEADER,
          groupsHeader: env.CALLBOARD_AUTH_PROXY_GROUPS_HEADER,
          trustedProxies: env.CALLBOARD_AUTH_PROXY_IPS,
        }
      : undefined;
  const defaultHosts = parseHostPatterns(VOICENTER_RECORDING_HOSTS);
  return {
    mode: context.mode,
    secret: env.CALLBOARD_AUTH_SECRET,
    baseUrl: env.CALLBOARD_BASE_URL,
    oidc,
    groupRoles: {
      map: env.CALLBOARD_OIDC_ROLE_MAP ?? new Map(),
      defaultRole: env.CALLBOARD_OIDC_DEFAULT_ROLE ?? "viewer",
    },
    apiTokens: env.CALLBOARD_API_TOKENS ?? [],
    authProxy: proxy,
    session: {
      idleSeconds: (env.CALLBOARD_SESSION_IDLE_MINUTES ?? DEFAULTS.idleMinutes) * 60,
      absoluteSeconds: (env.CALLBOARD_SESSION_MAX_HOURS ?? DEFAULTS.maxHours) * 3600,
    },
    auditRetentionDays: env.CALLBOARD_AUDIT_RETENTION_DAYS ?? DEFAULTS.auditDays,
    recordingHosts: env.CALLBOARD_RECORDING_HOSTS ?? [
      ...(defaultHosts.ok ? defaultHosts.value : []),
      patternForUrl(new URL(context.apiUrl)),
    ],
    methods,
  };
}

/**
 * For local users (known only once the database is open): the secret, or an EnvError naming
 * CALLBOARD_AUTH_SECRET, so the server refuses to start as it does for the other methods.
 */
export function requireAuthSecret(config: AuthConfig): string {
  if (config.secret !== undefined) return config.secret;
  throw new EnvError(
    `Invalid environment:\n  CALLBOARD_AUTH_SECRET: is required in live mode once a sign-in method is configured (here: local users): at least ${SECRET_MIN_LENGTH} random characters, e.g. from \`openssl rand -base64 32\``,
  );
}

let cached: AuthConfig | undefined;

/** The configuration of this process (mode and API URL from lib/server/env.ts). */
export function authConfig(): AuthConfig {
  if (cached) return cached;
  const env = serverEnv();
  cached = parseAuthConfig(process.env, {
    mode: env.VOICENTER_CODE ? "live" : "demo",
    apiUrl: env.VOICENTER_API_URL,
  });
  return cached;
}

export function resetAuthConfigForTests(): void {
  cached = undefined;
}
