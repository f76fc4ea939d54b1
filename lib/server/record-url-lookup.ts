import "server-only";

import { DAY_MS } from "@/lib/time/units";
import type { FieldName } from "@/lib/voicenter/fields";
import { MAX_REQUEST_SPAN_MS } from "@/lib/voicenter/request";

import { ApiError } from "./api-error";
import { createCallerLimiter } from "./caller-limit";
import type { RecordUrlIndex } from "./record-url-index";
import type { FetchPage } from "./upstream-requests";

/**
 * A call's RecordURL when Callboard has not loaded the call: the index, then the store,
 * then one upstream look-up around when it happened. A look-up spends the shared budget,
 * so each caller may start only so many a minute; concurrent look-ups of one call are one.
 */

export interface LookupRecordUrlOptions {
  /** When the call happened (epoch ms), to keep the upstream search small. */
  around?: number;
  /** Ask the upstream even if a link is known (links may expire). */
  refresh?: boolean;
  /**
   * Who asks (lib/server/caller-key.ts). An upstream look-up spends the shared budget, so
   * each caller may start only `lookupsPerMinute` of them; beyond, 429 recording_lookup_limited.
   */
  owner?: string;
}

export interface RecordUrlLookupDeps {
  fetchPage: FetchPage;
  recordUrls: RecordUrlIndex;
  /** The store's link for the call, if it keeps one. */
  stored(callId: string): Promise<string | undefined>;
  deadlineMs: number;
  lookupsPerMinute?: number;
  now: () => number;
}

const LOOKUP_FIELDS: FieldName[] = ["CallID", "Date", "RecordURL", "RecordExpect"];
// Inside the upstream's longest range, with room for the minute added at the end.
const LOOKUP_SPAN_MS = MAX_REQUEST_SPAN_MS;

export function createRecordUrlLookup(deps: RecordUrlLookupDeps) {
  const { fetchPage, recordUrls, now } = deps;
  const lookups = new Map<string, Promise<string | undefined>>();
  const limiter = createCallerLimiter({ limit: deps.lookupsPerMinute ?? 10, now });

  async function lookup(callId: string, around: number | undefined, owner: string | undefined) {
    const at = now();
    const from = around === undefined ? at - LOOKUP_SPAN_MS : around - DAY_MS;
    const to = around === undefined ? at + 60_000 : Math.min(around + DAY_MS, at + 60_000);
    const page = await fetchPage(
      { from, to, callId, fields: LOOKUP_FIELDS },
      { notAfter: at + deps.deadlineMs, owner },
    );
    const url = page.calls.find((call) => call.CallID === callId)?.RecordURL || undefined;
    if (url) recordUrls.set(callId, url);
    return url;
  }

  return async function lookupRecordUrl(
    callId: string,
    opts: LookupRecordUrlOptions = {},
  ): Promise<string | undefined> {
    if (!opts.refresh) {
      const known = recordUrls.get(callId) ?? (await deps.stored(callId).catch(() => undefined));
      if (known) return known;
    }
    let flight = lookups.get(callId);
    if (!flight) {
      const allowed = limiter.take(opts.owner ?? "");
      if (!allowed.ok) throw lookupLimited(allowed.retryAfterMs);
      flight = lookup(callId, opts.around, opts.owner).finally(() => lookups.delete(callId));
      lookups.set(callId, flight);
    }
    return flight;
  };
}

function lookupLimited(retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(
    "recording_lookup_limited",
    `too many look-ups of calls Callboard has not loaded (each asks Voicenter); load the calls' list first, or try again in ${seconds} s`,
    { headers: { "retry-after": String(seconds) } },
  );
}
