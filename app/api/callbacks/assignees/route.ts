import { listCallbackAssignees } from "@/lib/callbacks/work-store";
import { getDatabase } from "@/lib/db";
import { withApi } from "@/lib/server/with-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Who a worklist row may be given to: the caller, and every user whose role works callbacks. */
export const GET = withApi(
  async (_request, { principal }) =>
    Response.json(
      {
        me: { id: principal.id, label: principal.label },
        users: await listCallbackAssignees(await getDatabase()),
      },
      { headers: { "cache-control": "no-store" } },
    ),
  { permission: "callbacks.work" },
);
