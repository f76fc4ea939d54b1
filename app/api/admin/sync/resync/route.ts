import { badParameter } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";
import { resyncFromRequest } from "@/lib/store/resync";

export const dynamic = "force-dynamic";

/** Fetches a range of the whole account again (`{"from", "to"}`), replacing the stored calls. */
// admin only
export const POST = withApi(async (request) => {
  const body: unknown = await request.json().catch(() => {
    throw badParameter("body", "must be a JSON object with from and to");
  });
  return Response.json(await resyncFromRequest(body), { headers: { "cache-control": "no-store" } });
});
