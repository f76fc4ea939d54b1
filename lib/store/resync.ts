import "server-only";

import { MAX_RESYNC_DAYS, resyncRequestSchema, type ResyncResult } from "@/lib/api/admin-sync";
import { ApiError, badParameter } from "@/lib/server/api-error";
import { DAY_MS } from "@/lib/time/units";
import { parseUpstreamDate } from "@/lib/voicenter/dates";

import { getCallStore } from "./process";

/** "Re-sync this range": the whole account's calls of a span fetched again, replacing what the store holds. */

const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;

function instant(name: "from" | "to", value: string): number {
  const ms = ZONED.test(value.trim()) ? parseUpstreamDate(value.trim()) : undefined;
  if (ms === undefined) {
    throw badParameter(
      name,
      `must be an ISO-8601 instant with Z or an offset, not ${JSON.stringify(value)}`,
    );
  }
  return ms;
}

export async function resyncFromRequest(body: unknown, now = Date.now()): Promise<ResyncResult> {
  const store = getCallStore();
  if (!store) throw new ApiError("store_disabled", "the call store is off (CALLBOARD_STORE=off)");
  const parsed = resyncRequestSchema.safeParse(body);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "from");
    throw badParameter(field, "give from and to as ISO-8601 instants, in a JSON object");
  }
  const from = instant("from", parsed.data.from);
  const to = Math.min(instant("to", parsed.data.to), now);
  if (to <= from) throw badParameter("to", "must be later than from, and not in the future");
  if (to - from > MAX_RESYNC_DAYS * DAY_MS) {
    throw badParameter("to", `a re-sync may span at most ${MAX_RESYNC_DAYS} days`);
  }
  const oldest = now - store.context.settings.retentionDays * DAY_MS;
  if (from < oldest) {
    throw badParameter(
      "from",
      `the store keeps ${store.context.settings.retentionDays} days; choose a later start`,
    );
  }
  return store.resync({ from, to });
}
