import "server-only";

import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { admin, genericOAuth } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";

import { authTables, type Database } from "@/lib/db";
import { addressedOrigin } from "@/lib/security/origin-check";

import { auditHooks } from "./auth-audit";
import { AUTH_BASE_PATH, OIDC_PROVIDER_ID } from "./auth-routes";
import type { AuthConfig } from "./config";
import { LOGIN_PATH } from "./next-path";
import { applyMappedRole, checkOidcProfile, withMappedRole } from "./oidc-roles";
import { MIN_PASSWORD_LENGTH } from "./password-rules";
import { CLIENT_ADDRESS_HEADERS } from "./peer-address";
import type { Role } from "./roles";
import { clampToAbsolute, refreshEverySeconds } from "./session-lifetime";

/**
 * Callboard's Better Auth instance, built from the configuration and the open database
 * (auth.ts keeps one per process). Local users sign in with e-mail and password (no
 * sign-up), single sign-on through genericOAuth, roles through the admin plugin; sessions
 * live in the database (no cookie cache, so a disabled user is out on the next request).
 */
export interface CallboardAuthInput {
  db: Database;
  config: AuthConfig;
  secret: string;
  /** The public origin; without it (demo mode only) the request's own host. */
  baseUrl: string | undefined;
}

/** Sign-in attempts per address and minute (the library's default is 3 per 10 s). */
export const SIGN_IN_ATTEMPTS = { window: 60, max: 10 } as const;

// Callboard's permissions are its own (lib/auth/roles.ts); to the admin plugin, which only
// stores the role, admin manages users and the others manage nothing.
const pluginRoles = { viewer: userAc, supervisor: userAc, admin: adminAc } satisfies Record<
  Role,
  unknown
>;

export function createCallboardAuth({ db, config, secret, baseUrl }: CallboardAuthInput) {
  const https = baseUrl?.startsWith("https://") ?? false;
  const { idleSeconds, absoluteSeconds } = config.session;
  const audit = auditHooks(db);
  return betterAuth({
    appName: "Callboard",
    secret,
    baseURL: baseUrl ?? {
      allowedHosts: ["*"],
      protocol: "http",
      fallback: "http://localhost:3000",
    },
    basePath: AUTH_BASE_PATH,
    trustedOrigins: baseUrl
      ? [baseUrl]
      : (request) => (request ? [new URL(addressedOrigin(request)).origin] : []),
    database: drizzleAdapter(db, { provider: "pg", schema: authTables }),
    telemetry: { enabled: false },
    // failed attempts are in the audit trail; the log keeps only what an operator must fix
    logger: { level: "error" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    session: {
      // the idle lifetime, slid forward as the session is used
      expiresIn: idleSeconds,
      updateAge: refreshEverySeconds(idleSeconds),
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": SIGN_IN_ATTEMPTS,
        "/sign-in/social": SIGN_IN_ATTEMPTS,
      },
    },
    advanced: {
      useSecureCookies: https,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: https },
      ipAddress: { ipAddressHeaders: [...CLIENT_ADDRESS_HEADERS] },
    },
    account: {
      // an e-mail an administrator created locally is linked when the provider vouches for it
      accountLinking: { enabled: true, trustedProviders: [], allowDifferentEmails: false },
    },
    user: {
      validateUserInfo: (data) => Promise.resolve(checkOidcProfile(config, data.source)),
    },
    databaseHooks: {
      user: { create: { before: (user) => Promise.resolve({ data: withMappedRole(user) }) } },
      session: {
        create: {
          before: async (session, ctx) => {
            const users = ctx?.context.internalAdapter;
            if (users)
              await applyMappedRole(db, users, session.userId, ctx.request?.headers ?? ctx.headers);
            return {
              data: {
                ...session,
                expiresAt: clampToAbsolute(session.expiresAt, new Date(), absoluteSeconds),
              },
            };
          },
        },
        update: {
          // the absolute lifetime counts from the session's creation: sliding never passes it
          before: (data, ctx) => {
            const created = ctx?.context.session?.session.createdAt;
            if (!data.expiresAt || !created) return Promise.resolve();
            return Promise.resolve({
              data: {
                ...data,
                expiresAt: clampToAbsolute(data.expiresAt, new Date(created), absoluteSeconds),
              },
            });
          },
        },
      },
    },
    hooks: audit,
    onAPIError: { errorURL: LOGIN_PATH },
    plugins: [
      admin({
        defaultRole: "viewer",
        adminRoles: ["admin"],
        roles: pluginRoles,
        bannedUserMessage: "This account is disabled.",
      }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  discoveryUrl: config.oidc.discoveryUrl,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  requireIdTokenVerification: true,
                  overrideUserInfo: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type CallboardAuth = ReturnType<typeof createCallboardAuth>;
