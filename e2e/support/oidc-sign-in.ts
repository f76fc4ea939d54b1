import { OIDC_PROVIDER_ID } from "@/lib/auth/auth-routes";

import { CookieJar } from "./cookie-jar";
import type { TestUser } from "./oidc-users";

/**
 * A browser's single sign-on, headlessly: ask Callboard for the provider's authorization
 * URL, sign in on the provider's form, and bring the code back to Callboard's callback.
 * `app` answers Callboard's requests (a running server's fetch, or Better Auth's handler in
 * process); the provider gets its own cookie jar (cookies ignore ports).
 */
export type AppFetch = (path: string, init: RequestInit & { cookie?: string }) => Promise<Response>;

export interface SsoOutcome {
  /** Where Callboard sent the browser at the end (the page, or /login?error=…). */
  location: string;
  /** Callboard's cookies after the callback (the session's, when it succeeded). */
  cookie: string;
}

function cookiePairs(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value === "" || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signInThroughProvider(
  app: AppFetch,
  user: Pick<TestUser, "email" | "password">,
  next = "/calls",
): Promise<SsoOutcome> {
  const appCookies = new Map<string, string>();
  const start = await app("/api/auth/sign-in/social", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      provider: OIDC_PROVIDER_ID,
      callbackURL: next,
      errorCallbackURL: `/login?next=${encodeURIComponent(next)}`,
      disableRedirect: true,
    }),
  });
  if (!start.ok) throw new Error(`sign-in/social answered ${start.status}: ${await start.text()}`);
  cookiePairs(start, appCookies);
  const { url } = (await start.json()) as { url: string };
  const authorize = new URL(url);
  const provider = new CookieJar(authorize.origin);
  let response = await provider.fetch(url);
  const interaction = new URL(response.headers.get("location") ?? "", authorize.origin);
  const form = await (await provider.fetch(interaction.toString())).text();
  const action = /<form method="post" action="([^"]+\/login)"/.exec(form)?.[1];
  if (!action) throw new Error("the provider showed no sign-in form");
  response = await provider.fetch(new URL(action, authorize.origin).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ login: user.email, password: user.password }).toString(),
  });
  let location = new URL(response.headers.get("location") ?? "", authorize.origin);
  while (location.origin === authorize.origin) {
    response = await provider.fetch(location.toString());
    location = new URL(response.headers.get("location") ?? "", authorize.origin);
  }
  const callback = await app(location.pathname + location.search, {
    method: "GET",
    cookie: header(appCookies),
  });
  cookiePairs(callback, appCookies);
  return { location: callback.headers.get("location") ?? "", cookie: header(appCookies) };
}
