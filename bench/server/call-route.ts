import { GET } from "@/app/api/calls/route";

import type { CallsFetch } from "./results";

/**
 * One `/api/calls` request through the real route handler, timed until its body has been
 * read to the end. The body is read chunk by chunk and dropped (as a socket would send it),
 * keeping only its tail, where the response's totals follow the calls.
 */

const TAIL_BYTES = 8192;

async function drain(response: Response): Promise<{ bytes: number; tail: string }> {
  if (!response.body) return { bytes: 0, tail: "" };
  let bytes = 0;
  let tail = new Uint8Array(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // Never copy the whole chunk: Response.json's body may be a single chunk of many MB.
    const end = value.subarray(Math.max(0, value.byteLength - TAIL_BYTES));
    const joined = new Uint8Array(tail.byteLength + end.byteLength);
    joined.set(tail);
    joined.set(end, tail.byteLength);
    tail = joined.slice(Math.max(0, joined.byteLength - TAIL_BYTES));
  }
  return { bytes, tail: new TextDecoder().decode(tail) };
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(pattern)) found = match[1];
  return found;
}

export async function fetchCalls(search: string, timeoutMs: number): Promise<CallsFetch> {
  const request = new Request(`http://127.0.0.1/api/calls?${search}`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  const startedAt = Date.now();
  const started = performance.now();
  const response = await GET(request);
  const { bytes, tail } = await drain(response);
  const ms = performance.now() - started;
  const total = lastMatch(tail, /"total":(\d+)/g);
  const requests = lastMatch(tail, /"upstreamRequests":(\d+)/g);
  const complete = lastMatch(tail, /"complete":(true|false)/g);
  const error =
    response.status === 200 ? undefined : lastMatch(tail, /"message":"((?:[^"\\]|\\.)*)"/g);
  return {
    ms,
    startedAt,
    endedAt: Date.now(),
    status: response.status,
    bytes,
    source: response.headers.get("x-callboard-cache"),
    ...(total === undefined ? {} : { total: Number(total) }),
    ...(requests === undefined ? {} : { upstreamRequests: Number(requests) }),
    ...(complete === undefined ? {} : { complete: complete === "true" }),
    ...(response.status === 200 ? {} : { error: error ?? `HTTP ${response.status}` }),
  };
}
