/** What the child process (the Callboard server side) reports back to the bench runner. */

export interface CallsFetch {
  /** From calling the route handler until the last byte of its body was read. */
  ms: number;
  startedAt: number;
  endedAt: number;
  status: number;
  bytes: number;
  /** The `x-callboard-cache` header: "load", "joined" (coalesced) or "cache". */
  source: string | null;
  total?: number;
  upstreamRequests?: number;
  complete?: boolean;
  /** The error message, for an answer other than 200. */
  error?: string;
}

export interface RangeResult {
  kind: "range";
  first: CallsFetch;
  second: CallsFetch;
}

export interface ViewersResult {
  kind: "viewers";
  cold: CallsFetch[];
  warm: CallsFetch[];
  /** Cache hits one at a time, without 49 others serialising at once. */
  sequential: CallsFetch[];
}

export interface MemoryResult {
  kind: "memory";
  gcAvailable: boolean;
  warmUp: CallsFetch;
  fetch: CallsFetch;
  /** Bytes. Before: after a warm-up request and a GC. */
  rssBefore: number;
  rssAfter: number;
  /** The process's highest RSS so far (getrusage maxrss). */
  rssPeak: number;
  /** After a GC, with the response still in Callboard's cache. */
  rssRetained: number;
}

export type ScenarioName = "range" | "viewers" | "memory";
export type ScenarioResult = RangeResult | ViewersResult | MemoryResult;
export type ChildMessage = { ok: true; result: ScenarioResult } | { ok: false; error: string };
