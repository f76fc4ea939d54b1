import { fetchCalls } from "./call-route";
import type { CallsFetch, MemoryResult, RangeResult, ViewersResult } from "./results";

/** The server-side scenarios, run in a child process of their own (fresh cache and budget). */

const VIEWERS = 50;
const SEQUENTIAL_HITS = 20;

/** A range fetched cold, then again (a cache hit). */
export async function rangeScenario(search: string): Promise<RangeResult> {
  const first = await fetchCalls(search, 150_000);
  const second = await fetchCalls(search, 30_000);
  return { kind: "range", first, second };
}

function together(search: string, n: number, timeoutMs: number): Promise<CallsFetch[]> {
  return Promise.all(Array.from({ length: n }, () => fetchCalls(search, timeoutMs)));
}

/** 50 viewers open one URL at once (cold), then 50 more (warm), then hits one by one. */
export async function viewersScenario(search: string): Promise<ViewersResult> {
  const cold = await together(search, VIEWERS, 60_000);
  const warm = await together(search, VIEWERS, 30_000);
  const sequential: CallsFetch[] = [];
  for (let i = 0; i < SEQUENTIAL_HITS; i++) sequential.push(await fetchCalls(search, 10_000));
  return { kind: "viewers", cold, warm, sequential };
}

type GlobalWithGc = typeof globalThis & { gc?: () => void };

async function collectGarbage(): Promise<boolean> {
  const gc = (globalThis as GlobalWithGc).gc;
  if (!gc) return false;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  return true;
}

const rss = () => process.memoryUsage().rss;

/**
 * RSS around one large response. A small request first loads every module and warms the
 * JIT, so the growth measured is the response's, not the server's start-up.
 */
export async function memoryScenario(search: string, warmUpSearch: string): Promise<MemoryResult> {
  const warmUp = await fetchCalls(warmUpSearch, 60_000);
  const gcAvailable = await collectGarbage();
  const rssBefore = rss();
  const fetch = await fetchCalls(search, 240_000);
  const rssAfter = rss();
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  await collectGarbage();
  return {
    kind: "memory",
    gcAvailable,
    warmUp,
    fetch,
    rssBefore,
    rssAfter,
    rssPeak,
    rssRetained: rss(),
  };
}
