/**
 * Cross-site request forgery, refused by origin: a request that may change state (anything
 * but GET and HEAD) is accepted only when its `Origin` is Callboard's own. Browsers send
 * `Origin` on every such request; a client that sends none is not a browser carrying the
 * user's cookies to another site, unless `Sec-Fetch-Site` says it came from one. Pure.
 */
export interface OriginCheckRequest {
  method: string;
  url: string;
  headers: Headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * Why the request is refused, as a sentence, or undefined when it may go on. `appOrigin` is
 * the public origin (CALLBOARD_BASE_URL); without it, the origin the request was sent to:
 * its `Host` (what the browser addressed; a server behind node:http may build the request's
 * URL from its own configured name instead) with the URL's scheme.
 */
export function crossOriginRefusal(
  request: OriginCheckRequest,
  appOrigin: string | undefined,
): string | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  const own = originOf(appOrigin ?? addressedOrigin(request));
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === "cross-site" || site === "same-site" ? refusal("another site") : undefined;
  }
  const theirs = originOf(origin);
  if (theirs !== undefined && theirs === own) return undefined;
  return refusal(theirs ?? "an unnamed origin");
}

/** The origin a request was addressed to: its Host with its URL's scheme (see above). */
export function addressedOrigin(request: Pick<OriginCheckRequest, "url" | "headers">): string {
  const host = request.headers.get("host");
  if (!host) return request.url;
  try {
    return `${new URL(request.url).protocol}//${host}`;
  } catch {
    return request.url;
  }
}

function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.origin === "null" ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

const refusal = (from: string) =>
  `this request came from ${from}; Callboard accepts changes only from its own pages`;
