import "server-only";

import type { Logger } from "pino";

import { fetchCdrPage, type CdrPage } from "@/lib/voicenter/cdr-api";
import { isUpstreamError } from "@/lib/voicenter/cdr-api-errors";
import type { CdrQuery } from "@/lib/voicenter/request";

import type { UpstreamPurpose } from "./budget-ledger";
import type { PageRequestOptions } from "./fetch-all-calls";
import type { Governor } from "./governor";
import type { UpstreamConfig } from "./upstream";

/**
 * Every upstream request of the process, whoever asks (people, the sync, the backfill):
 * through the one governor, and written down once per attempt — a log line (purpose,
 * window, records, ms; never the account code) and an entry for whoever keeps the history
 * (the store's request log) — and the last outcome kept for /api/health.
 */

export interface UpstreamRequestEntry {
  at: number;
  purpose: UpstreamPurpose;
  from: number;
  to: number;
  ms: number;
  /** "ok" or the failure's kind (rate-limited, untrusted-ip, timeout…). */
  outcome: string;
  records?: number;
  totalHits?: number;
  error?: string;
}

export interface UpstreamOutcome {
  at: number;
  ok: boolean;
  /** The upstream answered at all (an error number is an answer). */
  reachable: boolean;
  kind?: string;
  message?: string;
  /** The address the upstream said it does not trust (its error 4). */
  refusedIp?: string;
}

export type FetchPage = (
  query: CdrQuery,
  opts: PageRequestOptions & { purpose?: UpstreamPurpose; owner?: string },
) => Promise<CdrPage>;

export interface UpstreamRequester {
  fetchPage: FetchPage;
  /** The same, with a fixed purpose (for fetchAllCalls, which knows none). */
  forPurpose(purpose: UpstreamPurpose): FetchPage;
  lastOutcome(): UpstreamOutcome | undefined;
  readonly governor: Governor;
}

export interface UpstreamRequesterOptions {
  upstream: UpstreamConfig;
  governor: Governor;
  logger: Logger;
  /** Keeps the history (the store's request log); errors there never fail a request. */
  record?: (entry: UpstreamRequestEntry) => void;
  now?: () => number;
}

const UNANSWERED = new Set(["network", "timeout"]);

export function createUpstreamRequester(options: UpstreamRequesterOptions): UpstreamRequester {
  const { upstream, governor, logger } = options;
  const now = options.now ?? Date.now;
  let last: UpstreamOutcome | undefined;

  const fetchPage: FetchPage = (query, opts) => {
    const purpose = opts.purpose ?? "interactive";
    return governor.run(
      async (signal) => {
        const at = now();
        const started = performance.now();
        const window = {
          from: new Date(query.from).toISOString(),
          to: new Date(query.to).toISOString(),
        };
        try {
          const page = await fetchCdrPage(upstream, query, { signal });
          const ms = Math.round(performance.now() - started);
          const records = page.calls.length + page.rejected.count;
          last = { at, ok: true, reachable: true };
          logger.info(
            { purpose, window, records, totalHits: page.totalHits, ms },
            "upstream request",
          );
          options.record?.({
            at,
            purpose,
            from: query.from,
            to: query.to,
            ms,
            outcome: "ok",
            records,
            totalHits: page.totalHits,
          });
          return page;
        } catch (error) {
          const ms = Math.round(performance.now() - started);
          if (signal?.aborted) throw error;
          const kind = isUpstreamError(error) ? error.kind : "failed";
          const message = isUpstreamError(error) ? error.message : "the request failed";
          last = {
            at,
            ok: false,
            reachable: !UNANSWERED.has(kind),
            kind,
            message,
            ...(isUpstreamError(error) && error.ip ? { refusedIp: error.ip } : {}),
          };
          logger.warn(
            { purpose, window, ms, outcome: kind, error: message },
            "upstream request failed",
          );
          options.record?.({
            at,
            purpose,
            from: query.from,
            to: query.to,
            ms,
            outcome: kind,
            error: message,
          });
          throw error;
        }
      },
      { ...opts, purpose },
    );
  };

  return {
    fetchPage,
    forPurpose: (purpose) => (query, opts) => fetchPage(query, { ...opts, purpose }),
    lastOutcome: () => last,
    governor,
  };
}
