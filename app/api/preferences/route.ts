import { changePreferencesSchema } from "@/lib/api/saved-views";
import { getDatabase } from "@/lib/db";
import { parseBody } from "@/lib/server/parse-body";
import { withApi } from "@/lib/server/with-api";
import { changePreferences, readPreferences } from "@/lib/views/saved-views";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const NO_STORE = { "cache-control": "no-store" };

/** The caller's display zone (null: their browser's) and default view. */
export const GET = withApi(
  async (_request, { principal }) =>
    Response.json(await readPreferences(await getDatabase(), principal), { headers: NO_STORE }),
  { permission: "calls.view" },
);

/** Remembers a display zone and/or the view `/` opens (null forgets it). */
export const PATCH = withApi(
  async (request, { principal }) => {
    const change = await parseBody(request, changePreferencesSchema);
    const preferences = await changePreferences(await getDatabase(), principal, change);
    return Response.json(preferences, { headers: NO_STORE });
  },
  { permission: "calls.view" },
);
