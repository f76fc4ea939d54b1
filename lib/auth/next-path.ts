import { isAuthRoute } from "./auth-routes";

/**
 * Where sign-in returns to: `/login?next=<the whole original path and query>`. Only a path on
 * this origin is accepted, so a crafted link cannot send someone elsewhere after signing in
 * (an open redirect). Pure: the proxy, the login page and its form all use it.
 */

export const LOGIN_PATH = "/login";

/** The page's path and query, as proxy.ts forwards it to the page (a page is not told its URL). */
export const PAGE_PATH_HEADER = "x-callboard-page";
export const DEFAULT_AFTER_SIGN_IN = "/calls";

/** Long enough for a dashboard URL with every filter; beyond it, someone is up to something. */
const MAX_LENGTH = 4096;
const PROBE_ORIGIN = "https://callboard.invalid";

/**
 * The same-origin path `raw` names, normalized (`/calls?range=today`), or undefined when it is
 * anything else: absolute or scheme-relative URLs (`//evil.example`), backslashes (browsers
 * read `/\evil` as `//evil`), control characters (the URL parser drops tabs and newlines, so
 * `/\t/evil` would become `//evil`), other schemes, and the sign-in pages themselves.
 */
export function safeNextPath(raw: unknown): string | undefined {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return undefined;
  if (!raw.startsWith("/") || raw.startsWith("//")) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that normalizes to "//…" (e.g. "/.//evil") would be scheme-relative once written out.
  if (path.startsWith("//")) return undefined;
  if (isSignInPath(url.pathname)) return undefined;
  return path;
}

/** `/login` and Better Auth's own routes: returning there after sign-in would loop. */
function isSignInPath(pathname: string): boolean {
  return pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`) || isAuthRoute(pathname);
}

/** The page to land on after signing in: `next` when it is safe, else the dashboard. */
export function afterSignIn(raw: unknown): string {
  return safeNextPath(raw) ?? DEFAULT_AFTER_SIGN_IN;
}

/** `/login?next=…` for a request to `pathAndQuery` (left out when it is not a safe path). */
export function loginPathFor(pathAndQuery: string): string {
  const next = safeNextPath(pathAndQuery);
  return next && next !== "/" ? `${LOGIN_PATH}?next=${encodeURIComponent(next)}` : LOGIN_PATH;
}
