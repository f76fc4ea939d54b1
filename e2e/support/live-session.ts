import type { BrowserContext } from "@playwright/test";

import { E2E_PORTS } from "../ports";

/**
 * The shared live server (playwright.config.ts) has a sign-in method now: an API token and
 * one local admin, created with `npm run users` before it starts. Specs that read its pages
 * or data sign in as that admin once per worker.
 */
export const LIVE_ORIGIN = `http://127.0.0.1:${E2E_PORTS.live}`;
export const LIVE_ACCOUNT = {
  email: "e2e-admin@callboard.test",
  password: "e2e-admin-password-0123",
  role: "admin",
} as const;
export const LIVE_API_TOKEN = "e2e-live-admin-token-0123456789abcdef-0123456789";
export const LIVE_AUTH_SECRET = "e2e-live-auth-secret-0123456789abcdef-0123456789";

export interface SessionCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Lax";
  expires: number;
}

let cached: Promise<SessionCookie[]> | undefined;

/** Signs in to `origin` with e-mail and password; the session's cookies, for a browser context. */
export async function signInCookies(
  origin: string,
  email: string,
  password: string,
): Promise<SessionCookie[]> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password, rememberMe: true }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const { hostname } = new URL(origin);
  return response.headers.getSetCookie().map((line) => {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    return {
      name: pair.slice(0, eq),
      value: pair.slice(eq + 1),
      domain: hostname,
      path: "/",
      httpOnly: true,
      secure: false,
      sameSite: "Lax",
      expires: Math.floor(Date.now() / 1000) + 3600,
    };
  });
}

/** The live admin's session cookies (one sign-in per worker: sign-ins are rate-limited). */
export function liveCookies(): Promise<SessionCookie[]> {
  cached ??= signInCookies(LIVE_ORIGIN, LIVE_ACCOUNT.email, LIVE_ACCOUNT.password);
  return cached;
}

export async function signInToLive(context: BrowserContext): Promise<void> {
  await context.addCookies(await liveCookies());
}

/** A Cookie header for a fetch or Playwright request. */
export function cookieHeader(cookies: readonly SessionCookie[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}
