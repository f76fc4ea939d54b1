import { getAuth } from "@/lib/auth/auth";
import { recordRateLimitedSignIn } from "@/lib/auth/auth-audit";
import { AUTH_BASE_PATH, oidcCallbackPath } from "@/lib/auth/auth-routes";
import { NOT_CONFIGURED_MESSAGE } from "@/lib/auth/gate";
import { currentPolicy } from "@/lib/auth/get-principal";
import { withSignInContext } from "@/lib/auth/sign-in-context";
import { getDatabase } from "@/lib/db";
import { ApiError } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Better Auth's routes — only the ones Callboard's pages use. The library offers many more
 * (its admin plugin's user management, impersonation, account linking…); those stay
 * unreachable over HTTP, so every change to a user goes through Callboard's own audited,
 * permission-checked routes.
 */
const ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/sign-in/email": ["POST"],
  "/sign-in/social": ["POST"],
  "/sign-out": ["POST"],
  [oidcCallbackPath().slice(AUTH_BASE_PATH.length)]: ["GET", "POST"],
};

async function attemptedEmail(request: Request): Promise<string | null> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email.trim().toLowerCase().slice(0, 320) : null;
  } catch {
    return null;
  }
}

/**
 * Better Auth answers a password sign-in with the session token in the JSON body as well as
 * in the http-only cookie; the page needs neither, and script should never see it.
 */
async function withoutSessionToken(response: Response): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  delete body.token;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

const handle = withApi(
  async (request) => {
    const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
    if (!ROUTES[path]?.includes(request.method)) {
      throw new ApiError("not_found", `there is no sign-in route at ${AUTH_BASE_PATH}${path}`);
    }
    if ((await currentPolicy()) === "closed") {
      throw new ApiError("sign_in_not_configured", NOT_CONFIGURED_MESSAGE);
    }
    const auth = await getAuth();
    const email = path === "/sign-in/email" ? await attemptedEmail(request) : null;
    const response = await withSignInContext(() => auth.handler(request));
    // the rate limit answers before Better Auth's hooks would record the attempt
    if (response.status === 429 && path.startsWith("/sign-in/")) {
      await recordRateLimitedSignIn(await getDatabase(), request, email);
    }
    return path === "/sign-in/email" && response.ok ? withoutSessionToken(response) : response;
  },
  // signing in is what someone without a session does
  { permission: "public" },
);

export { handle as GET, handle as POST };
