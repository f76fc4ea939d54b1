/**
 * Better Auth's routes as Callboard mounts them (app/api/auth/[...all]), written once. Pure:
 * the proxy, the login page, the sign-in form and the test identity provider share them.
 */
export const AUTH_BASE_PATH = "/api/auth";

/** Callboard's one OpenID Connect provider, as Better Auth's genericOAuth names it. */
export const OIDC_PROVIDER_ID = "oidc" as const;

/** Where the provider sends the browser back (better-auth 1.7: the core `/callback/:id`). */
export function oidcCallbackPath(providerId: string = OIDC_PROVIDER_ID): string {
  return `${AUTH_BASE_PATH}/callback/${providerId}`;
}

export const SIGN_IN_EMAIL_PATH = `${AUTH_BASE_PATH}/sign-in/email`;
/** genericOAuth providers sign in through the core social endpoint in better-auth 1.7. */
export const SIGN_IN_SOCIAL_PATH = `${AUTH_BASE_PATH}/sign-in/social`;

export const SIGN_OUT_PATH = `${AUTH_BASE_PATH}/sign-out`;

/** Whether a path is one of Better Auth's (which answer signed-out requests themselves). */
export function isAuthRoute(pathname: string): boolean {
  return pathname === AUTH_BASE_PATH || pathname.startsWith(`${AUTH_BASE_PATH}/`);
}
