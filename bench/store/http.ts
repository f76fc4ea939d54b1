import { answerTotals, drainTail } from "../response-tail";

/** One HTTP request of a benchmark, timed until its body has been read to the end. */

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  total?: number;
  upstreamRequests?: number;
  complete?: boolean;
}

export async function timedGet(url: string, init?: RequestInit): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, init);
  const { bytes, tail } = await drainTail(response);
  return { ms: performance.now() - started, status: response.status, bytes, ...answerTotals(tail) };
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
