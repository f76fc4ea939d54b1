import { pagedModeOf } from "@/lib/paged/paged-service";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Which mode a view opens in: the store's count of the range's calls (the `/api/calls`
 * filters), the threshold (CALLBOARD_PAGED_THRESHOLD), and whether it is beyond it.
 */
export const GET = withApi(
  async (request) =>
    Response.json(await pagedModeOf(request), { headers: { "cache-control": "no-store" } }),
  { permission: "calls.view" },
);
