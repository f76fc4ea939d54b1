import { badParameter } from "@/lib/server/api-error";
import { withApi } from "@/lib/server/with-api";
import { resyncFromRequest } from "@/lib/store/resync";

export const dynamic = "force-dynamic";

/** Fetches a range of the whole account again (`{"from", "to"}`), replacing the stored calls. */
export const POST = withApi(
  async (request, { audit }) => {
    const body: unknown = await request.json().catch(() => {
      throw badParameter("body", "must be a JSON object with from and to");
    });
    const result = await resyncFromRequest(body);
    const range = body as { from: string; to: string }; // checked by resyncFromRequest
    await audit({ action: "sync.resync", details: { from: range.from, to: range.to } });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
  { permission: "sync.manage" },
);
