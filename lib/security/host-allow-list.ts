import { parseCommaList, type ParseResult } from "@/lib/parse-result";

/**
 * Host allow-lists such as CALLBOARD_RECORDING_HOSTS: `host`, `host:port`, `*.domain`,
 * `[::1]:4010`. Pure. A pattern without a port allows only the scheme's default port, so a
 * listed host cannot be used to reach another service on it.
 */
export interface HostPattern {
  /** Lowercase host name or IP literal (IPv6 in brackets), without the `*.` of a wildcard. */
  host: string;
  /** "" for the scheme's default port. */
  port: string;
  /** `*.voicenter.com`: any subdomain of `host`, not `host` itself. */
  subdomains: boolean;
}

/** Voicenter serves recording links from its own domains (e.g. cpanel.voicenter.co.il). */
export const VOICENTER_RECORDING_HOSTS = "*.voicenter.co.il,*.voicenter.com";

export function parseHostPattern(text: string): HostPattern | undefined {
  const entry = text.trim().toLowerCase();
  const subdomains = entry.startsWith("*.");
  const rest = subdomains ? entry.slice(2) : entry;
  if (rest === "" || rest.includes("*") || /[/?#@\s]/.test(rest)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${rest}`);
  } catch {
    return undefined;
  }
  // URL keeps "80" out of .port for http; a listed :80 is still meant literally.
  const port = /:(\d+)$/.exec(rest)?.[1] ?? "";
  if (url.hostname === "" || (port !== "" && Number(port) > 65535)) return undefined;
  // The URL parser rewrites some hosts (IPv4 in hex or short forms): take only literal names.
  if (url.host !== rest && `${url.hostname}:${port}` !== rest) return undefined;
  return { host: url.hostname, port: port === "" ? "" : String(Number(port)), subdomains };
}

export function parseHostPatterns(text: string): ParseResult<HostPattern[]> {
  return parseCommaList(text, parseHostPattern, "a host, host:port or *.domain");
}

/** The pattern for a URL's own host and port (the configured API host). */
export function patternForUrl(url: URL): HostPattern {
  return { host: url.hostname, port: url.port, subdomains: false };
}

/** Whether `url` points at an allowed host and port. */
export function hostAllowed(url: URL, patterns: readonly HostPattern[]): boolean {
  const host = url.hostname.toLowerCase();
  const effectivePort = url.port || (url.protocol === "https:" ? "443" : "80");
  return patterns.some(
    (p) =>
      (p.port === "" ? url.port === "" : p.port === effectivePort) &&
      (p.subdomains ? host.endsWith(`.${p.host}`) : host === p.host),
  );
}
