import { changeViewSchema } from "@/lib/api/saved-views";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { pathId } from "@/lib/server/path-id";
import { withApi } from "@/lib/server/with-api";
import { changeView, deleteView } from "@/lib/views/saved-views";
import { viewChangedEntry, viewDeletedEntry } from "@/lib/views/view-audit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NO_STORE = { "cache-control": "no-store" };

/** Renames, re-shares or replaces a view: its owner, or an admin (audited when others can see it). */
export const PATCH = withApi<{ viewId: string }>(
  async (request, { params, principal, audit }) => {
    const id = pathId("viewId", params.viewId);
    const change = await parseBody(request, changeViewSchema);
    const { before, after } = await changeView(await getDatabase(), principal, id, change);
    const entry = viewChangedEntry(before, after);
    if (entry) await audit(entry);
    return Response.json({ view: after }, { headers: NO_STORE });
  },
  { permission: "calls.view" },
);

/** Deletes a view: its owner, or an admin; whoever had it as their default gets /calls at `/`. */
export const DELETE = withApi<{ viewId: string }>(
  async (_request, { params, principal, audit }) => {
    const id = pathId("viewId", params.viewId);
    const view = await deleteView(await getDatabase(), principal, id);
    const entry = viewDeletedEntry(view);
    if (entry) await audit(entry);
    return Response.json({ deleted: view }, { headers: NO_STORE });
  },
  { permission: "calls.view" },
);
