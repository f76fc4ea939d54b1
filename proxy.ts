import { NextResponse, type NextRequest } from "next/server";

import { decideGate, isApiPath, withoutRscMarker } from "@/lib/auth/gate";
import { PAGE_PATH_HEADER } from "@/lib/auth/next-path";
import { proxySettings } from "@/lib/auth/proxy-settings";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { createNonce, isHttps, securityHeaders } from "@/lib/security/security-headers";

/**
 * Runs before every route (Next 16's proxy, always on Node): the sign-in gate, then the
 * security headers, with a fresh CSP nonce per page request that Next puts on its scripts.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const settings = proxySettings();
  const { pathname, search } = request.nextUrl;
  const api = isApiPath(pathname);
  const https = isHttps(request.nextUrl.protocol, settings.baseUrl);

  const decision = decideGate(await settings.policy(), {
    method: request.method,
    pathname,
    search,
    hasSession: hasSessionCookie(request),
    hasApiCredential: settings.hasApiCredential(request.headers),
  });

  if (decision.action === "refuse") {
    const response = Response.json(
      { error: { code: decision.code, message: decision.message } },
      { status: decision.status, headers: { "cache-control": "no-store" } },
    );
    if (decision.status === 401)
      response.headers.set("www-authenticate", 'Bearer realm="callboard"');
    return withHeaders(response, securityHeaders({ kind: "api", https }));
  }
  if (decision.action === "redirect") {
    // The configured public origin: behind a TLS proxy the request's own may be internal.
    const target = new URL(decision.location, settings.baseUrl ?? request.nextUrl.origin);
    return withHeaders(NextResponse.redirect(target), securityHeaders({ kind: "api", https }));
  }

  if (api) return withHeaders(NextResponse.next(), securityHeaders({ kind: "api", https }));
  const headers = securityHeaders({
    kind: "page",
    https,
    page: {
      nonce: createNonce(),
      // NODE_ENV is Next's own build-time constant here, not configuration.
      dev: process.env.NODE_ENV === "development",
      formActionOrigins: settings.formActionOrigins,
    },
  });
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["content-security-policy"] ?? "");
  // Pages send a signed-out visitor to /login?next=<this>; whatever a client sent is replaced.
  forwarded.set(PAGE_PATH_HEADER, pathname + withoutRscMarker(search));
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

function withHeaders<T extends Response>(response: T, headers: Record<string, string>): T {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build assets are public and immutable (their headers come from next.config.mjs); every
  // other path, prefetches included, passes the gate.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
