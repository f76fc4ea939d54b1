import { TAIL_LOOKBACK_MS, type CallsTailResponse } from "@/lib/api/calls-tail";
import { badParameter } from "@/lib/server/api-error";
import { callsQueryOf } from "@/lib/server/calls-request";
import { withApi } from "@/lib/server/with-api";
import { storeFilterOf } from "@/lib/store/filter";
import { getCallStore } from "@/lib/store/process";
import { formatTailPlace, parseTailPlace, readTail } from "@/lib/store/tail";
import { FIELD_NAMES } from "@/lib/voicenter/fields";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The live tail of a range that ends now: the `/api/calls` parameters plus `since` (the
 * last answer's `cursor`); the calls the store received since then (a few minutes before
 * it too: the reader drops the ones it has). An answer holds at most MAX_TAIL calls: with
 * `more`, ask again with the same `since` and `after` = its `after` for the rest. From the
 * store only — never an upstream request — so with CALLBOARD_STORE=off there is no tail
 * (`unavailable: "store_disabled"`).
 */
export const GET = withApi(
  async (request) => {
    const query = callsQueryOf(request);
    const raw = new URL(request.url).searchParams.get("since");
    const since = raw === null ? Number.NaN : Date.parse(raw);
    if (
      raw === null ||
      !/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/.test(raw) ||
      Number.isNaN(since)
    )
      throw badParameter("since", "an ISO-8601 instant with Z or an offset (the last cursor)");
    const afterText = new URL(request.url).searchParams.get("after");
    const after = afterText === null ? undefined : parseTailPlace(afterText);
    if (afterText !== null && !after)
      throw badParameter("after", "the `after` of the previous answer (<instant>~<CallID>)");
    const store = getCallStore();
    const none = (unavailable: "store_disabled" | "filter", message: string) =>
      Response.json(
        { calls: [], cursor: raw, intervalSeconds: 0, syncedTo: null, unavailable, message },
        { headers: { "cache-control": "private, no-store" } },
      );
    if (!store)
      return none(
        "store_disabled",
        "live updates read the call store, which is off (CALLBOARD_STORE=off): reload to see new calls",
      );
    const answerable = storeFilterOf(query);
    if (!answerable.ok)
      return none("filter", `live updates cannot follow this filter: ${answerable.reason}`);
    const tail = await readTail(
      store.context,
      answerable.filter,
      query.fields ?? FIELD_NAMES,
      since - TAIL_LOOKBACK_MS,
      after,
    );
    const body: Omit<CallsTailResponse, "calls"> = {
      cursor: new Date(Math.max(tail.cursor, since)).toISOString(),
      intervalSeconds: Math.round(store.context.settings.syncIntervalMs / 1000),
      syncedTo: tail.syncedTo === undefined ? null : new Date(tail.syncedTo).toISOString(),
      ...(tail.next ? { more: true, after: formatTailPlace(tail.next) } : {}),
    };
    return new Response(`{"calls":[${tail.json}],${JSON.stringify(body).slice(1)}`, {
      headers: { "content-type": "application/json", "cache-control": "private, no-store" },
    });
  },
  { permission: "calls.view" },
);
