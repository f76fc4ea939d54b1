import { createCallboardAuth, type CallboardAuth } from "@/lib/auth/better-auth";
import { parseAuthConfig, type AuthConfig } from "@/lib/auth/config";
import type { AccessDeps } from "@/lib/auth/get-principal";
import { withSignInContext } from "@/lib/auth/sign-in-context";
import { countLocalUsers } from "@/lib/auth/users";
import type { Database } from "@/lib/db";

/**
 * Callboard's Better Auth on a test's own database, called as the auth route calls it (its
 * handler inside the sign-in context), plus the access checks' dependencies built on it.
 */
export const TEST_ORIGIN = "http://127.0.0.1:39912";
export const TEST_SECRET = "test-auth-secret-0123456789abcdef-0123456789";

export interface TestAuth {
  config: AuthConfig;
  auth: CallboardAuth;
  deps: AccessDeps;
  /** A request to Better Auth's routes (path under /api/auth), from the test origin. */
  handle(path: string, init?: RequestInit): Promise<Response>;
}

export function createTestAuth(
  db: Database,
  env: Record<string, string | undefined> = {},
  options: { mode?: "demo" | "live"; now?: () => number; peer?: string } = {},
): TestAuth {
  const config = parseAuthConfig(
    { CALLBOARD_AUTH_SECRET: TEST_SECRET, CALLBOARD_BASE_URL: TEST_ORIGIN, ...env },
    { mode: options.mode ?? "live", apiUrl: "https://api.voicenter.com/hub/cdr/" },
  );
  const auth = createCallboardAuth({ db, config, secret: TEST_SECRET, baseUrl: TEST_ORIGIN });
  const deps: AccessDeps = {
    config,
    auth: () => Promise.resolve(auth),
    db: () => Promise.resolve(db),
    localUsers: () => countLocalUsers(db),
    now: options.now ?? Date.now,
    peer: () => options.peer,
  };
  return {
    config,
    auth,
    deps,
    handle: (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("origin", TEST_ORIGIN);
      if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", "10.9.8.7");
      if (init.body && !headers.has("content-type"))
        headers.set("content-type", "application/json");
      const request = new Request(new URL(`/api/auth${path}`, TEST_ORIGIN), { ...init, headers });
      return withSignInContext(() => auth.handler(request));
    },
  };
}

/** The cookies a response set, as a Cookie header. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => !/=$/.test(c))
    .join("; ");
}

export async function signInWithPassword(
  test: TestAuth,
  email: string,
  password: string,
  from = "10.9.8.7",
): Promise<{ response: Response; cookie: string }> {
  const response = await test.handle("/sign-in/email", {
    method: "POST",
    headers: { "x-forwarded-for": from },
    body: JSON.stringify({ email, password, rememberMe: true }),
  });
  return { response, cookie: cookiesOf(response) };
}
