import "server-only";

import { hostAllowed, type HostPattern } from "@/lib/security/host-allow-list";

import { RecordingError } from "./recording-errors";
import type { RecordingHop } from "./recording-transport";

/**
 * Recordings are not a proxy for anything else: a link is fetched only when it is http(s)
 * on an allowed host, and a redirect is followed only to another allowed host, a few times.
 * The browser names a CallID, never a link; the links come from the upstream's answer.
 */
export interface RecordingSource {
  /** Where links and redirects may point (CALLBOARD_RECORDING_HOSTS, or demo's simulator). */
  hosts: readonly HostPattern[];
  /** One request (live: resolved, address-checked node:http; demo: the in-process simulator). */
  hop: RecordingHop;
  /** Redirects followed at most; default 3. */
  maxRedirects?: number;
  /** Told of each refused link (why, and the host alone: the link may carry credentials). */
  onRefused?: (
    why: "host not allowed" | "internal address" | "too many redirects",
    host: string,
  ) => void;
}

export const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses the link; only http(s) is fetched. The code is added only when asked. */
export function recordingLink(raw: string, addCode?: { param?: string; code: string }): URL {
  const url = httpUrl(() => new URL(raw));
  if (addCode && !url.searchParams.has(addCode.param ?? "code")) {
    url.searchParams.set(addCode.param ?? "code", addCode.code);
  }
  return url;
}

function httpUrl(parse: () => URL): URL {
  let url: URL;
  try {
    url = parse();
  } catch {
    throw new RecordingError("invalid-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RecordingError("invalid-url");
  }
  return url;
}

/**
 * The first answer that is not a redirect, and the URL it came from. Each URL is checked
 * against the list before anything is sent to it; a redirect's body is discarded unread.
 */
export async function openRecordingLink(
  start: URL,
  source: RecordingSource,
  init: { headers: Readonly<Record<string, string>>; signal: AbortSignal },
): Promise<{ response: Response; url: URL }> {
  const maxRedirects = source.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = start;
  for (let redirects = 0; ; redirects++) {
    if (!hostAllowed(url, source.hosts)) {
      source.onRefused?.("host not allowed", url.host);
      throw new RecordingError("host-not-allowed");
    }
    const response = await source.hop(url, init).catch((error: unknown) => {
      if (error instanceof RecordingError && error.kind === "address-refused") {
        source.onRefused?.("internal address", url.host);
      }
      throw error;
    });
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) return { response, url };
    await response.body?.cancel().catch(() => undefined);
    if (redirects >= maxRedirects) {
      source.onRefused?.("too many redirects", url.host);
      throw new RecordingError("too-many-redirects");
    }
    const from = url;
    url = httpUrl(() => new URL(location, from));
  }
}
