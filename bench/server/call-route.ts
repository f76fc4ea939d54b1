import { GET } from "@/app/api/calls/route";

import { answerTotals, drainTail, lastMatch } from "../response-tail";
import { BENCH_AUTHORIZATION } from "./access";
import type { CallsFetch } from "./results";

/**
 * One `/api/calls` request through the real route handler, timed until its body has been
 * read to the end (bench/response-tail.ts).
 */

export async function fetchCalls(search: string, timeoutMs: number): Promise<CallsFetch> {
  const request = new Request(`http://127.0.0.1/api/calls?${search}`, {
    signal: AbortSignal.timeout(timeoutMs),
    // BENCH_ACCEPT (the fork's): the streamed answer, as the dashboard asks for it
    headers: process.env.BENCH_ACCEPT
      ? { ...BENCH_AUTHORIZATION, accept: process.env.BENCH_ACCEPT }
      : BENCH_AUTHORIZATION,
  });
  const startedAt = Date.now();
  const started = performance.now();
  const response = await GET(request);
  const { bytes, tail } = await drainTail(response);
  const ms = performance.now() - started;
  const error =
    response.status === 200 ? undefined : lastMatch(tail, /"message":"((?:[^"\\]|\\.)*)"/g);
  return {
    ms,
    startedAt,
    endedAt: Date.now(),
    status: response.status,
    bytes,
    source: response.headers.get("x-callboard-cache"),
    ...answerTotals(tail),
    ...(response.status === 200 ? {} : { error: error ?? `HTTP ${response.status}` }),
  };
}
