import { callsQueryOf } from "@/lib/server/calls-request";
import { getCallsService } from "@/lib/server/calls-service";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * How far the load of the same `/api/calls` query has come, for a page waiting on a long
 * range: `{"progress": {loaded, expected, windowsDone, windowsPlanned, upstreamRequests}}`,
 * or `{"progress": null}` when no load of that query is running.
 */
export const GET = withApi(
  (request) => {
    const progress = getCallsService().progressOf(callsQueryOf(request)) ?? null;
    return Response.json({ progress }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "calls.view" },
);
