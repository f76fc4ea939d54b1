/**
 * One HTTP request of a benchmark, timed until its body has been read to the end; the body
 * is dropped as it arrives, keeping only its tail, where `/api/calls` puts its totals.
 */

const TAIL_BYTES = 8192;

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  total?: number;
  upstreamRequests?: number;
  complete?: boolean;
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let found: string | undefined;
  for (const match of text.matchAll(pattern)) found = match[1];
  return found;
}

export async function timedGet(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, init);
  let bytes = 0;
  let tail = new Uint8Array(0);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const end = value.subarray(Math.max(0, value.byteLength - TAIL_BYTES));
      const joined = new Uint8Array(tail.byteLength + end.byteLength);
      joined.set(tail);
      joined.set(end, tail.byteLength);
      tail = joined.slice(Math.max(0, joined.byteLength - TAIL_BYTES));
    }
  }
  const ms = performance.now() - started;
  const text = new TextDecoder().decode(tail);
  const total = lastMatch(text, /"total":(\d+)/g);
  const requests = lastMatch(text, /"upstreamRequests":(\d+)/g);
  const complete = lastMatch(text, /"complete":(true|false)/g);
  return {
    ms,
    status: response.status,
    bytes,
    ...(total === undefined ? {} : { total: Number(total) }),
    ...(requests === undefined ? {} : { upstreamRequests: Number(requests) }),
    ...(complete === undefined ? {} : { complete: complete === "true" }),
  };
}

/** Health requests one after another (a pause between) until `until` settles. */
export async function healthDuring(
  url: string,
  until: Promise<unknown>,
  gapMs = 10,
): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const samples: number[] = [];
  while (!done) {
    samples.push((await timedGet(url)).ms);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return samples;
}
