import { badParameterResponse } from "@/lib/server/api-errors";
import { getCallsService } from "@/lib/server/calls-service";
import { parseCallsParams } from "@/lib/view-state/calls-params";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * How far the load of the same `/api/calls` query has come, for a page waiting on a long
 * range: `{"progress": {loaded, expected, windowsDone, windowsPlanned, upstreamRequests}}`,
 * or `{"progress": null}` when no load of that query is running.
 */
export function GET(request: Request): Response {
  const parsed = parseCallsParams(new URL(request.url).searchParams);
  if (!parsed.ok) return badParameterResponse(parsed.param, parsed.message);
  const progress = getCallsService().progressOf(parsed.query) ?? null;
  return Response.json({ progress }, { headers: { "cache-control": "no-store" } });
}
