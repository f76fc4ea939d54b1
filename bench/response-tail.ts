/**
 * A benchmark's response read to the end and dropped as it arrives (as a socket would send
 * it), keeping only its tail, where `/api/calls` puts its totals after the calls.
 */

const TAIL_BYTES = 8192;

export async function drainTail(response: Response): Promise<{ bytes: number; tail: string }> {
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

export function lastMatch(text: string, pattern: RegExp): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(pattern)) found = match[1];
  return found;
}

/** The totals an `/api/calls` answer ends with, as far as its tail holds them. */
export function answerTotals(tail: string): {
  total?: number;
  upstreamRequests?: number;
  complete?: boolean;
} {
  const total = lastMatch(tail, /"total":(\d+)/g);
  const requests = lastMatch(tail, /"upstreamRequests":(\d+)/g);
  const complete = lastMatch(tail, /"complete":(true|false)/g);
  return {
    ...(total === undefined ? {} : { total: Number(total) }),
    ...(requests === undefined ? {} : { upstreamRequests: Number(requests) }),
    ...(complete === undefined ? {} : { complete: complete === "true" }),
  };
}
