import "server-only";

import * as z from "zod";

import { parseHostPatterns } from "@/lib/security/host-allow-list";

import { parseApiTokens } from "./api-tokens";
import {
  anyText,
  displayText,
  envField,
  headerName,
  issuerUrl,
  oneOf,
  publicOrigin,
  secretText,
  wholeNumber,
} from "./config-fields";
import { parseRoleMap } from "./group-roles";
import { parseAddressRanges } from "./trusted-proxies";

/**
 * The access-control variables, one zod field each, and the rules between them. Every
 * issue names the variable to change.
 */
export type SignInMethod = "oidc" | "api-tokens" | "auth-proxy";

export const SECRET_MIN_LENGTH = 32;

export const authEnvSchema = z.object({
  CALLBOARD_AUTH_SECRET: envField(secretText(SECRET_MIN_LENGTH)),
  CALLBOARD_BASE_URL: envField(publicOrigin),
  CALLBOARD_OIDC_ISSUER: envField(issuerUrl),
  CALLBOARD_OIDC_CLIENT_ID: envField(anyText),
  CALLBOARD_OIDC_CLIENT_SECRET: envField(anyText),
  CALLBOARD_OIDC_NAME: envField(displayText(60)),
  CALLBOARD_OIDC_ROLES_CLAIM: envField(displayText(200)),
  CALLBOARD_OIDC_ROLE_MAP: envField(parseRoleMap),
  CALLBOARD_OIDC_DEFAULT_ROLE: envField(
    oneOf(["viewer", "supervisor", "none"], " (admin only through CALLBOARD_OIDC_ROLE_MAP)"),
  ),
  CALLBOARD_API_TOKENS: envField(parseApiTokens),
  CALLBOARD_AUTH_PROXY_HEADER: envField(headerName),
  CALLBOARD_AUTH_PROXY_GROUPS_HEADER: envField(headerName),
  CALLBOARD_AUTH_PROXY_IPS: envField(parseAddressRanges),
  CALLBOARD_SESSION_IDLE_MINUTES: envField(wholeNumber(5, 43_200)),
  CALLBOARD_SESSION_MAX_HOURS: envField(wholeNumber(1, 8_760)),
  CALLBOARD_AUDIT_RETENTION_DAYS: envField(wholeNumber(1, 36_500)),
  CALLBOARD_RECORDING_HOSTS: envField(parseHostPatterns),
});
export type AuthEnv = z.output<typeof authEnvSchema>;
export type Issue = [variable: keyof AuthEnv, message: string];

export const OIDC_TRIO = [
  "CALLBOARD_OIDC_ISSUER",
  "CALLBOARD_OIDC_CLIENT_ID",
  "CALLBOARD_OIDC_CLIENT_SECRET",
] as const;
export const DEFAULTS = { idleMinutes: 720, maxHours: 168, auditDays: 400, rolesClaim: "groups" };

/** The rules between variables; each issue names the variable to change. */
export function crossIssues(env: AuthEnv, live: boolean): Issue[] {
  const issues: Issue[] = [];
  const oidcSet = OIDC_TRIO.filter((name) => env[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < 3) {
    for (const name of OIDC_TRIO.filter((n) => env[n] === undefined)) {
      issues.push([
        name,
        `is missing: ${oidcSet.join(" and ")} ${oidcSet.length > 1 ? "are" : "is"} set; set all three or none`,
      ]);
    }
  }
  const oidc = oidcSet.length === 3;
  const proxyGroups = env.CALLBOARD_AUTH_PROXY_GROUPS_HEADER !== undefined;
  for (const name of ["CALLBOARD_OIDC_NAME", "CALLBOARD_OIDC_ROLES_CLAIM"] as const) {
    if (env[name] !== undefined && !oidc)
      issues.push([
        name,
        "has no effect without CALLBOARD_OIDC_ISSUER, _CLIENT_ID and _CLIENT_SECRET",
      ]);
  }
  for (const name of ["CALLBOARD_OIDC_ROLE_MAP", "CALLBOARD_OIDC_DEFAULT_ROLE"] as const) {
    if (env[name] !== undefined && !oidc && !proxyGroups) {
      issues.push([
        name,
        "has no effect without OpenID Connect (CALLBOARD_OIDC_*) or CALLBOARD_AUTH_PROXY_GROUPS_HEADER",
      ]);
    }
  }
  const proxyHeader = env.CALLBOARD_AUTH_PROXY_HEADER !== undefined;
  const proxyIps = env.CALLBOARD_AUTH_PROXY_IPS !== undefined;
  if (proxyHeader && !proxyIps)
    issues.push([
      "CALLBOARD_AUTH_PROXY_IPS",
      "is required with CALLBOARD_AUTH_PROXY_HEADER: the addresses of the proxies whose header is believed",
    ]);
  if (proxyIps && !proxyHeader)
    issues.push([
      "CALLBOARD_AUTH_PROXY_HEADER",
      "is required with CALLBOARD_AUTH_PROXY_IPS: the header that carries the signed-in user",
    ]);
  if (proxyGroups && !proxyHeader)
    issues.push([
      "CALLBOARD_AUTH_PROXY_GROUPS_HEADER",
      "has no effect without CALLBOARD_AUTH_PROXY_HEADER",
    ]);
  if (proxyGroups && env.CALLBOARD_AUTH_PROXY_GROUPS_HEADER === env.CALLBOARD_AUTH_PROXY_HEADER) {
    issues.push([
      "CALLBOARD_AUTH_PROXY_GROUPS_HEADER",
      "must differ from CALLBOARD_AUTH_PROXY_HEADER",
    ]);
  }

  const methods = methodsOf(env);
  if (live && methods.length > 0) {
    const why = `in live mode once a sign-in method is configured (here: ${methods.join(", ")})`;
    if (env.CALLBOARD_AUTH_SECRET === undefined) {
      issues.push([
        "CALLBOARD_AUTH_SECRET",
        `is required ${why}: at least ${SECRET_MIN_LENGTH} random characters, e.g. from \`openssl rand -base64 32\``,
      ]);
    }
    if (env.CALLBOARD_BASE_URL === undefined) {
      issues.push([
        "CALLBOARD_BASE_URL",
        `is required ${why}: the origin users open, e.g. https://callboard.example.com`,
      ]);
    }
  }
  const idle = env.CALLBOARD_SESSION_IDLE_MINUTES ?? DEFAULTS.idleMinutes;
  const max = env.CALLBOARD_SESSION_MAX_HOURS ?? DEFAULTS.maxHours;
  if (idle > max * 60) {
    const which =
      env.CALLBOARD_SESSION_IDLE_MINUTES === undefined
        ? "CALLBOARD_SESSION_MAX_HOURS"
        : "CALLBOARD_SESSION_IDLE_MINUTES";
    issues.push([
      which,
      `the idle lifetime (${idle} min) must not exceed the absolute lifetime (${max} h)`,
    ]);
  }
  return issues;
}

export function methodsOf(env: AuthEnv): SignInMethod[] {
  const methods: SignInMethod[] = [];
  if (OIDC_TRIO.every((name) => env[name] !== undefined)) methods.push("oidc");
  if ((env.CALLBOARD_API_TOKENS?.length ?? 0) > 0) methods.push("api-tokens");
  if (env.CALLBOARD_AUTH_PROXY_HEADER !== undefined && env.CALLBOARD_AUTH_PROXY_IPS !== undefined)
    methods.push("auth-proxy");
  return methods;
}
