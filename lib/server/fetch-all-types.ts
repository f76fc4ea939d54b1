import type { Call } from "@/lib/voicenter/call";
import type { CdrPage } from "@/lib/voicenter/cdr-api";
import type { CdrQuery } from "@/lib/voicenter/request";
import type { RejectedRecord, RejectedRecords } from "@/lib/voicenter/response";

/** What fetchAllCalls (fetch-all-calls.ts) is given and gives back. */

export interface PageRequestOptions {
  signal?: AbortSignal;
  /** Give up (rather than queue) if the request could not start by this instant. */
  notAfter?: number;
  onAttempt?: () => void;
}

export interface FetchAllDeps {
  /** One upstream request (normally the client behind the governor). */
  fetchPage(query: CdrQuery, opts: PageRequestOptions): Promise<CdrPage>;
  now(): number;
  /** Windows fetched at once (the governor caps requests in flight too). */
  lanes?: number;
  /** For a window that must fit in one page (the upstream ignored the sort). */
  targetPerWindow?: number;
  /** A bound on windows per query, against an upstream that never stops overflowing. */
  maxWindows?: number;
}

export interface FetchAllProgress {
  loaded: number;
  /** The upstream's count for the whole range (known after the first request). */
  expected: number;
  windowsDone: number;
  windowsPlanned: number;
  upstreamRequests: number;
}

export interface FetchAllOptions {
  onProgress?: (progress: FetchAllProgress) => void;
  /** The calls of each page not seen before, as they arrive (a streamed answer shows them). */
  onCalls?: (calls: Call[]) => void;
  deadlineMs?: number;
  signal?: AbortSignal;
}

export interface FetchAllResult {
  /** Sorted by Date ascending, one per CallID. */
  calls: Call[];
  total: number;
  complete: boolean;
  incompleteReason?: string;
  /** The upstream's own count for the range, when the result is incomplete. */
  upstreamTotal?: number;
  upstreamRequests: number;
  rejected: RejectedRecords;
  /** The unreadable records themselves, once each (for the call store). */
  rejectedRecords: RejectedRecord[];
  windows: number;
}
