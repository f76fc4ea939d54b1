import { API_ERROR_CODES, type ApiErrorCode } from "@/lib/api/error-codes";

import type { AccessPolicy } from "./access-policy";
import { isAuthRoute } from "./auth-routes";
import { LOGIN_PATH, loginPathFor } from "./next-path";

/**
 * The sign-in gate of proxy.ts, as a pure decision. It checks only that a credential is
 * there: the route wrapper verifies it inside every handler, so a matcher mistake here
 * cannot open a hole, and a hole there is still closed here.
 */
export interface GateRequest {
  method: string;
  pathname: string;
  /** The query string with its "?", or "". */
  search: string;
  /** The request carries a session cookie. */
  hasSession: boolean;
  /** The request carries an API credential the proxy accepts (`Authorization: Bearer`). */
  hasApiCredential: boolean;
}

export type GateDecision =
  | { action: "pass" }
  /** A same-origin path (`/login?next=…`). */
  | { action: "redirect"; location: string }
  | {
      action: "refuse";
      status: (typeof API_ERROR_CODES)[RefusalCode];
      code: RefusalCode;
      message: string;
    };

type RefusalCode = Extract<ApiErrorCode, "unauthorized" | "sign_in_not_configured">;

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** Answered without a session: the sign-in page, Better Auth, liveness, build assets. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === LOGIN_PATH ||
    pathname.startsWith(`${LOGIN_PATH}/`) ||
    pathname === "/api/health" ||
    isAuthRoute(pathname) ||
    pathname.startsWith("/_next/") ||
    pathname === "/icon.svg" ||
    pathname === "/favicon.ico"
  );
}

/** The refusals' sentences, shared with the route wrapper (which refuses the same way). */
export const UNAUTHORIZED_MESSAGE =
  "sign in first, or send an API token as Authorization: Bearer <token>";
export const NOT_CONFIGURED_MESSAGE =
  "no sign-in method is configured on this server: an administrator must set CALLBOARD_OIDC_*, CALLBOARD_API_TOKENS or CALLBOARD_AUTH_PROXY_*, or add a user with `npm run users -- add <email> --role admin`";

const UNAUTHORIZED = {
  action: "refuse",
  status: API_ERROR_CODES.unauthorized,
  code: "unauthorized",
  message: UNAUTHORIZED_MESSAGE,
} as const;

const NOT_CONFIGURED = {
  action: "refuse",
  status: API_ERROR_CODES.sign_in_not_configured,
  code: "sign_in_not_configured",
  message: NOT_CONFIGURED_MESSAGE,
} as const;

export function decideGate(policy: AccessPolicy, request: GateRequest): GateDecision {
  if (policy === "open" || isPublicPath(request.pathname)) return { action: "pass" };
  const api = isApiPath(request.pathname);
  const navigation = !api && (request.method === "GET" || request.method === "HEAD");
  if (policy === "closed") {
    return navigation ? { action: "redirect", location: LOGIN_PATH } : NOT_CONFIGURED;
  }
  if (request.hasSession || (api && request.hasApiCredential)) return { action: "pass" };
  if (!navigation) return UNAUTHORIZED;
  return {
    action: "redirect",
    location: loginPathFor(request.pathname + withoutRscMarker(request.search)),
  };
}

/** Next's client router adds `_rsc=<hash>` to its fetches; the shared link never had it. */
export function withoutRscMarker(search: string): string {
  if (!search.includes("_rsc")) return search;
  const params = new URLSearchParams(search);
  params.delete("_rsc");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
