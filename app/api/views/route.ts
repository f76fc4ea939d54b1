import { createViewSchema } from "@/lib/api/saved-views";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";
import { createView, listViews } from "@/lib/views/saved-views";
import { viewCreatedEntry } from "@/lib/views/view-audit";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NO_STORE = { "cache-control": "no-store" };

/** The caller's saved views, everyone's shared ones, and which one `/` opens for them. */
export const GET = withApi(
  async (_request, { principal }) =>
    Response.json(await listViews(await getDatabase(), principal), { headers: NO_STORE }),
  { permission: "calls.view" },
);

/** Saves a view (its URL without the open call or a zone); shared ones are audited. */
export const POST = withApi(
  async (request, { principal, audit }) => {
    const input = await parseBody(request, createViewSchema);
    const view = await createView(await getDatabase(), principal, input);
    const entry = viewCreatedEntry(view);
    if (entry) await audit(entry);
    return Response.json({ view }, { status: 201, headers: NO_STORE });
  },
  { permission: "calls.view" },
);
