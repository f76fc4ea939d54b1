import { resetAuthConfigForTests } from "@/lib/auth/config";
import type { Role } from "@/lib/auth/roles";

/**
 * Live mode is closed until a sign-in method is configured; route tests in live mode call
 * as a script would, with an API token of CALLBOARD_API_TOKENS. Call before the route is
 * first used (in beforeAll); `authorized` adds the token to a request's headers.
 */
export const LIVE_TEST_TOKEN = "live-route-test-token-0123456789abcdef";

export function useLiveToken(role: Role = "admin"): void {
  Object.assign(process.env, {
    CALLBOARD_API_TOKENS: `${role}:${LIVE_TEST_TOKEN}`,
    CALLBOARD_AUTH_SECRET: "live-route-test-auth-secret-0123456789abcdef",
    CALLBOARD_BASE_URL: "http://localhost",
  });
  resetAuthConfigForTests();
}

export function authorized(init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${LIVE_TEST_TOKEN}`);
  return { ...init, headers };
}
