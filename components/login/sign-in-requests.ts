import { SIGN_IN_EMAIL_PATH, SIGN_IN_SOCIAL_PATH } from "@/lib/auth/auth-routes";
import { loginErrorFromStatus, type LoginError } from "@/lib/auth/login-errors";
import { LOGIN_PATH } from "@/lib/auth/next-path";

/**
 * The browser's side of signing in: Better Auth's JSON endpoints (better-auth 1.7). Each
 * resolves to where to go next, or the error sentence to show; never throws.
 */
export type SignInOutcome = { ok: true; location: string } | { ok: false; error: LoginError };

async function post(path: string, body: unknown): Promise<Response | undefined> {
  try {
    return await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return undefined;
  }
}

async function outcome(
  response: Response | undefined,
  location: (body: Record<string, unknown>) => string | undefined,
): Promise<SignInOutcome> {
  if (!response) return { ok: false, error: "network" };
  if (!response.ok) return { ok: false, error: loginErrorFromStatus(response.status) };
  const body = (await response.json().catch(() => undefined)) as
    Record<string, unknown> | undefined;
  const target = body ? location(body) : undefined;
  return target ? { ok: true, location: target } : { ok: false, error: "unavailable" };
}

/** E-mail and password; on success the caller goes to `next` (already validated). */
export async function signInWithPassword(
  email: string,
  password: string,
  next: string,
): Promise<SignInOutcome> {
  const response = await post(SIGN_IN_EMAIL_PATH, { email, password, rememberMe: true });
  return outcome(response, (body) => ("user" in body ? next : undefined));
}

/** Starts the OpenID Connect flow: Better Auth answers with the provider's authorization URL. */
export async function signInWithProvider(providerId: string, next: string): Promise<SignInOutcome> {
  const response = await post(SIGN_IN_SOCIAL_PATH, {
    provider: providerId,
    callbackURL: next,
    errorCallbackURL: `${LOGIN_PATH}?next=${encodeURIComponent(next)}`,
    disableRedirect: true,
  });
  return outcome(response, (body) => (typeof body.url === "string" ? body.url : undefined));
}
