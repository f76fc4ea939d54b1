import type { CallStore } from "./call-store";
import { hashText } from "./prng";
import { hasRecording, isVisible } from "./sim-call";
import { recordingSeconds, wavByteLength, wavBytes } from "./wav";

/**
 * /recordings/<CallID>.wav: the call's audio with byte ranges, like the vendor's link it needs
 * no code. Not rate-limited under the CDR budget and free of /hub/cdr faults.
 */

const CHUNK_BYTES = 32 * 1024;

export type ByteRange =
  { kind: "whole" } | { kind: "part"; start: number; end: number } | { kind: "unsatisfiable" };

/**
 * One `bytes=` range (inclusive end). Several ranges are answered with the whole file (allowed
 * by RFC 9110); a `bytes=` range that cannot be served is unsatisfiable.
 */
export function parseRange(header: string | null, size: number): ByteRange {
  if (!header) return { kind: "whole" };
  const text = header.trim();
  if (!/^bytes=/i.test(text)) return { kind: "whole" };
  const spec = text.slice(6).trim();
  if (spec.includes(",")) return { kind: "whole" };
  const m = /^(\d*)-(\d*)$/.exec(spec);
  if (!m || (m[1] === "" && m[2] === "")) return { kind: "unsatisfiable" };
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: "unsatisfiable" };
    return { kind: "part", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return { kind: "unsatisfiable" };
  return { kind: "part", start, end };
}

function bodyStream(
  voice: number,
  seconds: number,
  start: number,
  endExclusive: number,
): ReadableStream<Uint8Array> {
  let at = start;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= endExclusive) {
        controller.close();
        return;
      }
      const next = Math.min(endExclusive, at + CHUNK_BYTES);
      controller.enqueue(wavBytes(voice, seconds, at, next));
      at = next;
    },
  });
}

export interface RecordingDeps {
  store: CallStore;
  seed: number;
  now: () => number;
}

export function handleRecording(request: Request, callId: string, deps: RecordingDeps): Response {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response("Method not allowed", { status: 405, headers: { allow: "GET, HEAD" } });
  }
  const call = deps.store.findCall(callId);
  if (!call || !hasRecording(call) || !isVisible(call, deps.now())) {
    return new Response("Recording not found", {
      status: 404,
      headers: { "content-type": "text/plain" },
    });
  }
  const seconds = recordingSeconds(call.duration);
  const size = wavByteLength(seconds);
  const voice = hashText(call.callId) ^ deps.seed;
  const headers: Record<string, string> = {
    "content-type": "audio/wav",
    "accept-ranges": "bytes",
    "cache-control": "private, max-age=86400",
    etag: `"${call.callId}"`,
  };
  const range = parseRange(request.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${size}` },
    });
  }
  const [start, end] = range.kind === "part" ? [range.start, range.end] : [0, size - 1];
  headers["content-length"] = String(end - start + 1);
  if (range.kind === "part") headers["content-range"] = `bytes ${start}-${end}/${size}`;
  const status = range.kind === "part" ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  return new Response(bodyStream(voice, seconds, start, end + 1), { status, headers });
}
