import "server-only";

import { prepend, readAtLeast } from "./recording-body";
import { isRecordingError, RecordingError } from "./recording-errors";
import { openRecordingLink, recordingLink, type RecordingSource } from "./recording-fetch";
import { audioContentType, extensionFor, SNIFF_BYTES } from "./recording-format";

/**
 * Streams one call's recording from the link the upstream gave for that call. The browser
 * only ever names a CallID; the link (which may work without Callboard, or carry
 * credentials) never leaves the server and never appears in an error message or a log.
 */
export interface StreamRecordingOptions {
  /** The RecordURL the upstream returned for the call — never anything the browser sent. */
  recordUrl: string;
  /** The browser's Range header, forwarded when it is a single byte range. */
  range?: string | null;
  /** Which hosts the link and its redirects may point at, and how one request is made. */
  source: RecordingSource;
  /** Time allowed until the first bytes arrive (not for the whole, paced-by-the-listener stream). */
  timeoutMs: number;
  /** The longest one response may stream, listener's pauses included; default 15 minutes. */
  maxDurationMs?: number;
  /** The largest recording served (declared, or counted while streaming); default 200 MB. */
  maxBytes?: number;
  /** The browser's request signal: aborts the upstream download when the listener leaves. */
  signal?: AbortSignal;
  /**
   * Live accounts whose links need the account code as a query parameter: added here, on the
   * server, never shown. Off unless the caller passes it.
   */
  addCode?: { param?: string; code: string };
  /** Set Content-Disposition: attachment with `<baseName>.<ext from the content type>`. */
  downloadBaseName?: string;
}

/** Smallest full response taken for a recording: anything shorter is an error page or empty. */
const MIN_RECORDING_BYTES = 1024;
const SINGLE_RANGE = /^bytes=(\d+-\d*|-\d+)$/;
const CACHE_CONTROL = "private, max-age=600";
export const MAX_RECORDING_BYTES = 200 * 1024 * 1024;
export const MAX_STREAM_MS = 15 * 60_000;

export async function streamRecording(opts: StreamRecordingOptions): Promise<Response> {
  const link = recordingLink(opts.recordUrl, opts.addCode);
  const maxBytes = opts.maxBytes ?? MAX_RECORDING_BYTES;
  const headers: Record<string, string> = {
    accept: "audio/*, application/octet-stream;q=0.9, */*;q=0.1",
    // Compressed audio would make Content-Length and byte ranges disagree with the body.
    "accept-encoding": "identity",
  };
  const range = opts.range?.replace(/\s+/g, "");
  if (range && SINGLE_RANGE.test(range)) headers.range = range;

  const controller = new AbortController();
  const onAbort = () => controller.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const failure = (error: unknown): unknown => {
    if (isRecordingError(error)) return error;
    if (opts.signal?.aborted) return opts.signal.reason;
    // The underlying error is dropped on purpose: its text may quote the link.
    return new RecordingError(timedOut ? "timeout" : "network");
  };

  try {
    let upstream: Response;
    let url: URL;
    try {
      ({ response: upstream, url } = await openRecordingLink(link, opts.source, {
        headers,
        signal: controller.signal,
      }));
    } catch (error) {
      throw failure(error);
    }
    if (!upstream.ok) {
      await upstream.body?.cancel().catch(() => undefined);
      throw errorForStatus(upstream);
    }
    const reader = upstream.body?.getReader();
    if (!reader) throw new RecordingError("not-audio", { upstreamStatus: upstream.status });

    const partial = upstream.status === 206;
    const contentRange = parseContentRange(upstream.headers.get("content-range"));
    const declaredLength = numberHeader(upstream.headers.get("content-length"));
    let head: Uint8Array;
    let contentType: string;
    try {
      // A full response of unknown length is read up to the minimum size to tell it is not tiny.
      const want = !partial && declaredLength === undefined ? MIN_RECORDING_BYTES : SNIFF_BYTES;
      const read = await readAtLeast(reader, want).catch((error: unknown) => {
        throw failure(error);
      });
      head = read.head;
      const total = partial
        ? contentRange?.total
        : (declaredLength ?? (read.ended ? head.byteLength : undefined));
      const startsAtZero = !partial || contentRange?.start === 0;
      const type = audioContentType(
        upstream.headers.get("content-type"),
        startsAtZero ? head : undefined,
        url,
      );
      if ((total !== undefined && total < MIN_RECORDING_BYTES) || !type) {
        throw new RecordingError("not-audio", { upstreamStatus: upstream.status });
      }
      if ((total ?? 0) > maxBytes || (declaredLength ?? 0) > maxBytes) {
        throw new RecordingError("too-large", { upstreamStatus: upstream.status });
      }
      contentType = type;
    } catch (error) {
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    clearTimeout(timer);
    // The whole stream is bounded too: a listener paused for long resumes with a new range.
    const streaming = setTimeout(() => controller.abort(), opts.maxDurationMs ?? MAX_STREAM_MS);
    const done = () => {
      clearTimeout(streaming);
      opts.signal?.removeEventListener("abort", onAbort);
    };

    const out = new Headers({
      "content-type": contentType,
      "accept-ranges": "bytes",
      "cache-control": CACHE_CONTROL,
      "x-content-type-options": "nosniff",
    });
    const encoded =
      upstream.headers.has("content-encoding") &&
      upstream.headers.get("content-encoding") !== "identity";
    if (declaredLength !== undefined && !encoded) out.set("content-length", String(declaredLength));
    if (partial && upstream.headers.has("content-range"))
      out.set("content-range", upstream.headers.get("content-range") ?? "");
    for (const name of ["etag", "last-modified"]) {
      const value = upstream.headers.get(name);
      if (value) out.set(name, value);
    }
    if (opts.downloadBaseName) {
      out.set(
        "content-disposition",
        `attachment; filename="${opts.downloadBaseName}.${extensionFor(contentType)}"`,
      );
    }
    return new Response(prepend(head, reader, { maxBytes, done }), {
      status: partial ? 206 : 200,
      headers: out,
    });
  } catch (error) {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
    throw error;
  }
}

function errorForStatus(response: Response): RecordingError {
  const upstreamStatus = response.status;
  switch (upstreamStatus) {
    case 404:
    case 410:
      return new RecordingError("not-found", { upstreamStatus });
    case 429:
      return new RecordingError("rate-limited", {
        upstreamStatus,
        retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
      });
    case 401:
    case 403:
      return new RecordingError("refused", { upstreamStatus });
    case 416:
      return new RecordingError("range-not-satisfiable", {
        upstreamStatus,
        totalBytes: numberHeader(
          /^bytes \*\/(\d+)$/.exec(response.headers.get("content-range")?.trim() ?? "")?.[1] ??
            null,
        ),
      });
    case 504:
      return new RecordingError("timeout", { upstreamStatus });
    default:
      return new RecordingError("upstream", {
        upstreamStatus,
        message: `the recording server answered HTTP ${upstreamStatus}`,
      });
  }
}

/** Retry-After in seconds (either form), 60 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number {
  const value = header?.trim() ?? "";
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? 60 : Math.max(1, Math.ceil((date - now) / 1000));
}

function numberHeader(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

function parseContentRange(value: string | null): { start: number; total?: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value?.trim() ?? "");
  if (!match) return undefined;
  return { start: Number(match[1]), total: match[3] === "*" ? undefined : Number(match[3]) };
}
