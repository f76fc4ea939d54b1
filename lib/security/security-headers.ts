/**
 * The security headers of every response (issue 7, "Hardening"). Pure: proxy.ts applies
 * them, tests read them.
 *
 * The page policy allows only what the app loads: its own scripts (Next's inline bootstrap
 * and RSC payload carry the per-request nonce; chunks they load are trusted through
 * 'strict-dynamic'), its own CSS, fetches and audio (/api/*), its own icon. Recharts draws
 * SVG and sets styles through the DOM, which CSP does not govern; next-intl and nuqs load
 * nothing.
 */
export interface PagePolicyOptions {
  /** Base64, fresh for each request. */
  nonce: string;
  /** `next dev`: React needs eval for its error overlays, and injects unnonced styles. */
  dev: boolean;
  /** Served over HTTPS: upgrade any stray http:// subresource. */
  https: boolean;
  /** Origins a sign-in form may post to or be redirected through (the OIDC provider). */
  formActionOrigins?: readonly string[];
}

export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'self' only matters to browsers without 'strict-dynamic' (CSP 2), which ignore it otherwise.
    ["script-src", "'self'", nonce, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(options.dev ? ["'unsafe-inline'"] : [nonce])],
    // Style attributes in server-rendered HTML (column widths, chart heights): they cannot
    // run script, and <style> elements still need the nonce.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["media-src", "'self'"],
    ["worker-src", "'self'"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...(options.formActionOrigins ?? [])],
    ["frame-ancestors", "'none'"],
    ["manifest-src", "'self'"],
  ];
  if (options.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** JSON, audio and other non-HTML responses load nothing and are never framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  // Filter URLs hold phone numbers: no other origin learns them from a Referer.
  "referrer-policy": "same-origin",
  "permissions-policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), browsing-topics=()",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Two years, the common preload-grade value; only ever sent over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

export interface SecurityHeaderOptions {
  kind: "page" | "api";
  https: boolean;
  /** For pages: the request's nonce and the policy's other inputs. */
  page?: Omit<PagePolicyOptions, "https">;
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const csp =
    options.kind === "page" && options.page
      ? pageContentSecurityPolicy({ ...options.page, https: options.https })
      : API_CONTENT_SECURITY_POLICY;
  return {
    ...COMMON_HEADERS,
    "content-security-policy": csp,
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** 128 random bits, base64: a CSP nonce. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Served over HTTPS: the request says so, or the configured public origin is https. */
export function isHttps(requestProtocol: string, baseUrl: string | undefined): boolean {
  return requestProtocol === "https:" || (baseUrl?.startsWith("https:") ?? false);
}
